package io.plantspy.webhooks.endpoint;

import io.plantspy.webhooks.signing.WebhookSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One subscription in {@code webhook_endpoints}.
 *
 * @param events wire names of the subscribed {@link EventType}s
 * @param answers the answers ({@code category}, {@code health}, {@code disease}) the owner's roles allowed when
 *     subscribing: a payload carries only these
 * @param secret the current signing secret ({@code whsec_...})
 * @param previousSecret the secret before the last rotation, still signing until {@code previousSecretUntil}
 * @param failingSince the first failed attempt since the last success (null while healthy): past
 *     {@code plantspy.webhooks.delivery.disable-after} the endpoint is disabled
 * @param disabledReason why it no longer receives anything (410, failing for days), shown by the API
 */
@Document(EndpointStore.COLLECTION)
public record WebhookEndpoint(
    @Id String id,
    String owner,
    String url,
    List<String> events,
    String description,
    List<String> answers,
    String secret,
    String previousSecret,
    Instant previousSecretUntil,
    Instant createdAt,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    Instant failingSince) {

  /** The secrets that sign a delivery at {@code now}: the current one, and the previous one within its overlap. */
  public List<WebhookSecret> signingSecrets(Instant now) {
    List<WebhookSecret> secrets = new ArrayList<>(2);
    secrets.add(new WebhookSecret(secret));
    if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
      secrets.add(new WebhookSecret(previousSecret));
    }
    return secrets;
  }

  public boolean subscribes(EventType type) {
    return events.contains(type.wireName());
  }
}
