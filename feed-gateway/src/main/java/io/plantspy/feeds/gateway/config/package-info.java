/**
 * Service-wide beans: the clock, the Kafka topics with their serdes, MongoDB's health check, the indexes created at
 * start. Depends on schemas and the features' stores.
 */
package io.plantspy.feeds.gateway.config;
