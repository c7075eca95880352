package io.plantspy.webhooks.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long finished deliveries are kept, so that {@code webhook_deliveries} does not grow for ever.
 *
 * @param deliveries how long a delivered, failed or cancelled delivery (with its attempts) stays listed under its
 *     endpoint, counted from when it finished; pending ones are never deleted
 * @param sweepInterval how often expired deliveries are looked for (a real MongoDB also deletes them by TTL index)
 */
@Validated
@ConfigurationProperties("plantspy.webhooks.retention")
public record DeliveryRetentionProperties(
    @DefaultValue("30d") @NotNull Duration deliveries,
    @DefaultValue("10m") @NotNull Duration sweepInterval) {

  public DeliveryRetentionProperties {
    for (Duration d : new Duration[] {deliveries, sweepInterval}) {
      if (d.isNegative() || d.toSeconds() == 0) {
        throw new IllegalArgumentException(
            "plantspy.webhooks.retention.deliveries and .sweep-interval must be at least a second");
      }
    }
  }
}
