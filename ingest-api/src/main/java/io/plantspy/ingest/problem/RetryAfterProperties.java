package io.plantspy.ingest.problem;

import io.plantspy.ingest.config.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code Retry-After} the API sends with a 503 or 429, so clients back off instead of hammering a service that
 * is down or full.
 *
 * @param unavailable after an outage of MongoDB, Kafka or Keycloak: long enough for a restart or failover
 * @param busy when a concurrency limit is full: long enough for the requests in flight to finish
 */
@Validated
@ConfigurationProperties("plantspy.retry-after")
public record RetryAfterProperties(
    @DefaultValue("5s") Duration unavailable,
    @DefaultValue("1s") Duration busy) {

  public RetryAfterProperties {
    Durations.requirePositive("plantspy.retry-after.unavailable", unavailable);
    Durations.requirePositive("plantspy.retry-after.busy", busy);
  }

  /** The header value: whole seconds, rounded up so a sub-second setting never becomes 0. */
  public static String seconds(Duration d) {
    return Long.toString((d.toMillis() + 999) / 1000);
  }
}
