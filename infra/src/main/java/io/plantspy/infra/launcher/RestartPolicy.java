package io.plantspy.infra.launcher;

import java.time.Duration;

/**
 * How {@code up} restarts a service whose process dies: after a backoff that doubles from {@code initialBackoff}
 * up to {@code maxBackoff}, at most {@code maxRestarts} times within {@code window}; a service that dies more
 * often than that has a fault a restart will not fix, and is left down (and reported).
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration initialBackoff, Duration maxBackoff) {

  /** The defaults of {@code up}'s options, as text for picocli. */
  static final String DEFAULT_MAX_RESTARTS = "5";
  static final String DEFAULT_WINDOW = "10m";

  public RestartPolicy {
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("max restarts must be >= 0, was " + maxRestarts);
    }
    if (window.isNegative() || window.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("restart window must be positive and backoffs 0 <= initial <= max");
    }
  }

  /** {@code up}'s: the given limit and window, restarting after 1 s, 2 s, 4 s ... at most 30 s. */
  static RestartPolicy of(int maxRestarts, Duration window) {
    return new RestartPolicy(maxRestarts, window, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** The wait before the {@code n}-th restart within the window (1 for the first). */
  Duration backoff(int n) {
    long millis = initialBackoff.toMillis() << Math.min(Math.max(0, n - 1), 30);
    return millis < 0 || millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
  }
}
