package io.plantspy.webhooks.endpoint;

import io.plantspy.webhooks.signing.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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

  static final String CALLBACKS_PREFIX = "cb_";

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

  /**
   * Whether this is its owner's callbacks endpoint: no URL of its own, it signs the deliveries of results whose
   * request named a one-off {@code callbackUrl}, each to that URL. A failing callback URL is that delivery's
   * failure, never a reason to disable the endpoint.
   */
  public boolean forCallbacks() {
    return id.startsWith(CALLBACKS_PREFIX);
  }

  /** The id of {@code owner}'s callbacks endpoint: one per owner, derived so that it is found without a query. */
  public static String callbacksIdOf(String owner) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return CALLBACKS_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
