package io.plantspy.feeds.gateway.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the feed gateway keeps what devices sent and what it raised, so that {@code feed_frames} and
 * {@code alerts} do not grow for ever.
 *
 * @param frames how long a frame's record (its diagnosis, position, times) stays readable in the device's diagnoses
 *     and on the field map, counted from its receipt; as long as the API keeps diagnoses by default
 * @param alerts how long an alert stays in the alerts list, counted from when it was raised
 * @param sweepInterval how often expired records are looked for (a real MongoDB also deletes them by TTL index)
 */
@Validated
@ConfigurationProperties("plantspy.feeds.retention")
public record RetentionProperties(
    @DefaultValue("90d") @NotNull Duration frames,
    @DefaultValue("90d") @NotNull Duration alerts,
    @DefaultValue("10m") @NotNull Duration sweepInterval) {

  public RetentionProperties {
    for (Duration d : new Duration[] {frames, alerts, sweepInterval}) {
      if (d.isNegative() || d.isZero() || d.toSeconds() == 0) {
        throw new IllegalArgumentException(
            "plantspy.feeds.retention.frames, .alerts and .sweep-interval must be at least a second");
      }
    }
  }
}
