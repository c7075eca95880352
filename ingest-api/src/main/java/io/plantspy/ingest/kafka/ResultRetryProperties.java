package io.plantspy.ingest.kafka;

import io.plantspy.ingest.config.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the result listener retries a poll of results it could not store (MongoDB down or slow): for ever, without
 * committing the offsets, the interval doubling from {@code initialInterval} up to {@code maxInterval}.
 *
 * @param initialInterval wait before the first retry
 * @param maxInterval cap on the wait between retries, so storing resumes soon after MongoDB is back
 */
@Validated
@ConfigurationProperties("plantspy.results.retry")
public record ResultRetryProperties(
    @DefaultValue("500ms") Duration initialInterval,
    @DefaultValue("30s") Duration maxInterval) {

  public ResultRetryProperties {
    Durations.requirePositive("plantspy.results.retry.initial-interval", initialInterval);
    Durations.requirePositive("plantspy.results.retry.max-interval", maxInterval);
    if (maxInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException("plantspy.results.retry.max-interval must be at least initial-interval");
    }
  }
}
