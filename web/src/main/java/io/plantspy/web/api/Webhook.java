package io.plantspy.web.api;

import java.time.Instant;
import java.util.List;

/**
 * One of the user's webhook subscriptions, never with its secret.
 *
 * @param answers the answers its payloads carry (the owner's answer roles when subscribing)
 * @param disabledReason why it receives nothing any more; null while enabled
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs
 */
public record Webhook(String id, String url, List<String> events, String description, List<String> answers,
    boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince, Instant createdAt,
    Instant previousSecretExpiresAt) {

  public Webhook {
    events = events == null ? List.of() : List.copyOf(events);
    answers = answers == null ? List.of() : List.copyOf(answers);
  }
}
