/**
 * Retention of what the gateway stores: frames and alerts deleted once older than configured (TTL indexes and a
 * periodic sweep). Depends on the {@code frame} and {@code alert} stores and {@code reactive-service}'s TTL index.
 */
package io.plantspy.feeds.gateway.retention;
