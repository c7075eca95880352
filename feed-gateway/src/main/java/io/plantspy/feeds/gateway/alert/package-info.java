/**
 * Disease alerts: a feed diagnosis naming a disease with enough confidence raises {@code alert.disease_detected} at
 * most once per device, class and window (the {@code alerts} collection's id makes that hold across restarts and
 * instances), written as JSON to {@code plantspy.alerts} and listed by {@code /api/v1/alerts}. Depends on
 * {@code frame} and {@code security}.
 */
package io.plantspy.feeds.gateway.alert;
