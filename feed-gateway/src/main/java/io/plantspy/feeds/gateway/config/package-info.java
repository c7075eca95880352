/**
 * Service-wide beans: the Kafka topics with their serdes and the indexes created at start (the clock and MongoDB's
 * health come from {@code reactive-service}). Depends on schemas and the features' stores.
 */
package io.plantspy.feeds.gateway.config;
