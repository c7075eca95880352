package io.plantspy.webhooks.delivery;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are attempted.
 *
 * @param schedule the wait before each attempt, the first counted from the event (Svix's: 8 attempts over about
 *     28 hours); after the last failed attempt the delivery is FAILED
 * @param maxRetryAfter cap on a receiver's {@code Retry-After} (429/503), which otherwise replaces the scheduled
 *     wait when longer
 * @param disableAfter an endpoint whose attempts have all failed for this long is disabled
 * @param maxConcurrency attempts in flight on this instance
 * @param maxPerEndpoint attempts in flight to one endpoint: a slow endpoint holds only these slots
 * @param lease how long a claimed attempt is reserved; longer than an attempt can take (target timeout), so a
 *     crashed instance's attempt is retried by another after it, never while it runs
 * @param pollInterval how often due deliveries are looked for (new events and finished attempts also wake the
 *     worker at once)
 */
@Validated
@ConfigurationProperties("plantspy.webhooks.delivery")
public record DeliveryProperties(
    @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> schedule,
    @DefaultValue("1d") Duration maxRetryAfter,
    @DefaultValue("5d") Duration disableAfter,
    @DefaultValue("64") @Min(1) int maxConcurrency,
    @DefaultValue("4") @Min(1) int maxPerEndpoint,
    @DefaultValue("1m") Duration lease,
    @DefaultValue("1s") Duration pollInterval) {

  public DeliveryProperties {
    schedule = List.copyOf(schedule);
    if (schedule.isEmpty() || schedule.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("plantspy.webhooks.delivery.schedule lists one or more waits >= 0");
    }
    for (Duration d : List.of(maxRetryAfter, disableAfter, lease, pollInterval)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("plantspy.webhooks.delivery durations must be positive");
      }
    }
  }

  /** The wait before attempt {@code step} (0-based), or empty when the schedule is over. */
  public java.util.Optional<Duration> waitBefore(int step) {
    return step < schedule.size() ? java.util.Optional.of(schedule.get(step)) : java.util.Optional.empty();
  }
}
