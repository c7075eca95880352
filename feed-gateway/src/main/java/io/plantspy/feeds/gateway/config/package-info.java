/** Service-wide beans: the clock, the Kafka topics with their serdes, MongoDB's health check. Depends on schemas. */
package io.plantspy.feeds.gateway.config;
