/**
 * What the feature packages share: the duration check of their {@code @ConfigurationProperties} records (the records
 * themselves live with the feature they configure) and the API's {@code Clock} bean. Depends on nothing else in the API.
 */
package io.plantspy.ingest.config;
