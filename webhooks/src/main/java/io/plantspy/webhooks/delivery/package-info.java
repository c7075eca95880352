/**
 * Deliveries: the {@code webhook_deliveries} outbox (one document per endpoint and event, its attempts and next
 * retry), the worker that claims due deliveries with a lease and sends them with bounded concurrency per endpoint
 * and overall, the retry schedule, and the deliveries API. Depends on {@code endpoint}, {@code target} and the
 * signing module.
 */
package io.plantspy.webhooks.delivery;
