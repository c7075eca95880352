package io.plantspy.web.api;

import java.time.Instant;
import java.util.List;

/**
 * An event sent (or being sent) to one of the user's endpoints: every attempt with the receiver's status code.
 *
 * @param status {@code PENDING}, {@code DELIVERED}, {@code FAILED} or {@code CANCELLED}
 */
public record Delivery(String id, String eventId, String type, String status, Instant createdAt,
    Instant nextAttemptAt, Instant finishedAt, List<Attempt> attempts) {

  public Delivery {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** The API retries on demand anything but a delivery still being attempted. */
  public boolean retryable() {
    return !"PENDING".equals(status);
  }

  /** The latest attempt, or null before the first. */
  public Attempt lastAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }

  /** One try: the receiver's status code (null when none came) or why none came. */
  public record Attempt(Instant at, Integer statusCode, long latencyMillis, String error) {}
}
