package io.plantspy.webhooks.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A delivery as the API shows it: the event, where it stands, every attempt (status code, latency, error) and when
 * the next one is due; not the body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String id, String eventId, String type, DeliveryStatus status, Instant createdAt,
    Instant nextAttemptAt, Instant finishedAt, List<Attempt> attempts) {

  static DeliveryView of(Delivery d) {
    return new DeliveryView(d.id(), d.eventId(), d.type(), d.status(), d.createdAt(),
        d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.finishedAt(),
        d.attempts() == null ? List.of() : d.attempts());
  }
}
