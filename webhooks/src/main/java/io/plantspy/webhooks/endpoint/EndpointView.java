package io.plantspy.webhooks.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it, never with its secret.
 *
 * @param answers the answers its payloads carry (the owner's answer roles when subscribing)
 * @param disabledReason why it receives nothing any more (absent while enabled)
 * @param failingSince first failure of the current streak of failed attempts (absent while healthy)
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(String id, String url, List<String> events, String description, List<String> answers,
    boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince, Instant createdAt,
    Instant previousSecretExpiresAt) {

  static EndpointView of(WebhookEndpoint e) {
    return new EndpointView(e.id(), e.url(), e.events(), e.description(), e.answers(), e.enabled(),
        e.disabledReason(), e.disabledAt(), e.failingSince(), e.createdAt(), e.previousSecretUntil());
  }
}
