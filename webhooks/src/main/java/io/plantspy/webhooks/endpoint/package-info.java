/**
 * Subscriptions: the {@code /api/v1/webhooks} endpoints, the event types one may subscribe to, the
 * {@code webhook_endpoints} collection (secret, rotation, disabling). Depends on {@code target} (URL checks),
 * {@code security} (roles), {@code problem} and the signing module.
 */
package io.plantspy.webhooks.endpoint;
