package io.plantspy.webhooks.endpoint;

/**
 * The caller's callbacks endpoint as {@code POST /api/v1/webhooks/callback-secret} left it: {@code created} on the
 * first call (201), rotated on later ones (200).
 */
record CallbacksEndpoint(boolean created, WebhookEndpoint endpoint) {
}
