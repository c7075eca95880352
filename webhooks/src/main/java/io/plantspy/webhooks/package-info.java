/**
 * The webhook service (port 8084): users subscribe URLs to event types, events read from Kafka become deliveries
 * in a MongoDB outbox, and a worker sends them signed (Standard Webhooks) until they succeed or the schedule ends.
 * Features: {@code endpoint}, {@code event}, {@code delivery}; support: {@code target}, {@code security},
 * {@code config}.
 */
package io.plantspy.webhooks;
