package io.plantspy.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one endpoint in {@code webhook_deliveries}, written before the event's offset is committed.
 *
 * @param id {@code <endpoint id>:<event id>}: a redelivered event maps to the same document, so it is delivered
 *     once per endpoint
 * @param eventId the {@code webhook-id} header, the same on every attempt (receivers deduplicate by it)
 * @param body the JSON sent, fixed when the event arrived so every attempt sends the same bytes
 * @param step index into the retry schedule of the next attempt
 * @param nextAttemptAt when it is due; while an attempt runs, the end of that attempt's lease
 * @param claim the token of the attempt in progress: only its holder records the outcome
 * @param url where this delivery goes when not to its endpoint's URL: a one-off callback URL (see
 *     {@code WebhookEndpoint#forCallbacks}); null otherwise
 */
@Document(DeliveryStore.COLLECTION)
public record Delivery(
    @Id String id,
    String endpointId,
    String owner,
    String eventId,
    String type,
    String body,
    DeliveryStatus status,
    int step,
    Instant nextAttemptAt,
    String claim,
    Instant createdAt,
    Instant finishedAt,
    List<Attempt> attempts,
    String url) {

  public static String idOf(String endpointId, String eventId) {
    return endpointId + ":" + eventId;
  }

  /** A new delivery to its endpoint's URL, due at once. */
  public static Delivery pending(String endpointId, String owner, String eventId, String type, String body,
      Instant now) {
    return callback(endpointId, owner, eventId, type, body, null, now);
  }

  /** A new delivery to a one-off {@code url}, signed with its endpoint's secrets, due at once. */
  public static Delivery callback(String endpointId, String owner, String eventId, String type, String body,
      String url, Instant now) {
    return new Delivery(idOf(endpointId, eventId), endpointId, owner, eventId, type, body, DeliveryStatus.PENDING,
        0, now, null, now, null, List.of(), url);
  }
}
