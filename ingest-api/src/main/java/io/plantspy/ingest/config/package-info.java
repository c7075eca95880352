/**
 * What the feature packages share: the duration check of their {@code @ConfigurationProperties} records (the records
 * themselves live with the feature they configure), the API's {@code Clock} bean, and {@code PeriodicJob}, the
 * lifecycle of the background rounds (retention sweep, pending reconciler). Depends on nothing else in the API.
 */
package io.plantspy.ingest.config;
