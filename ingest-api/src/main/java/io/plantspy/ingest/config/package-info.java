/**
 * Helpers shared by the feature packages' {@code @ConfigurationProperties} records (the records themselves live with
 * the feature they configure). Depends on nothing else in the API.
 */
package io.plantspy.ingest.config;
