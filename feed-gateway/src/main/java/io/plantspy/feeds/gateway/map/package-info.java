/** The field map: geo-tagged feed diagnoses as an RFC 7946 GeoJSON FeatureCollection. Depends on {@code frame}. */
package io.plantspy.feeds.gateway.map;
