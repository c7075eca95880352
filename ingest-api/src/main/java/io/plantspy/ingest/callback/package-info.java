/**
 * One-off callback URLs: a diagnosis request may name a URL its answer is pushed to (by the webhooks service, as a
 * signed webhook). Vetted here with the same rules as webhook subscriptions ({@code address-policy}'s
 * {@code WebhookUrls}) so a bad URL is refused at once, not discovered at delivery. May use {@code problem}.
 */
package io.plantspy.ingest.callback;
