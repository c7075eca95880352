package io.plantspy.infra.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts each service's restarts within the policy's sliding window and says whether, and after what backoff, it
 * may be restarted once more. The clock is injected so that the window can be tested without waiting.
 */
final class RestartBudget {

  private final RestartPolicy policy;
  private final LongSupplier nanoClock;
  private final Map<String, Deque<Long>> restarts = new HashMap<>();

  RestartBudget(RestartPolicy policy, LongSupplier nanoClock) {
    this.policy = policy;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes one restart of {@code service} from the budget: the backoff to wait before it, or empty when the
   * service has already been restarted {@code maxRestarts} times within the window.
   */
  synchronized Optional<Duration> take(String service) {
    long now = nanoClock.getAsLong();
    Deque<Long> recent = restarts.computeIfAbsent(service, s -> new ArrayDeque<>());
    while (!recent.isEmpty() && now - recent.peekFirst() > policy.window().toNanos()) {
      recent.removeFirst();
    }
    if (recent.size() >= policy.maxRestarts()) {
      return Optional.empty();
    }
    recent.addLast(now);
    return Optional.of(policy.backoff(recent.size()));
  }

  /** Restarts of {@code service} within the window, this one included. */
  synchronized int recent(String service) {
    return restarts.getOrDefault(service, new ArrayDeque<>()).size();
  }

  RestartPolicy policy() {
    return policy;
  }
}
