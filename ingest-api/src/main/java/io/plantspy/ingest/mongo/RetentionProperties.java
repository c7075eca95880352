package io.plantspy.ingest.mongo;

import io.plantspy.ingest.config.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the API keeps what it only needs for a while.
 *
 * @param idempotencyKeys how long an {@code Idempotency-Key} is remembered: a retry within it replays the first
 *     request, after it the key is free again (MongoDB also drops the record through a TTL index)
 * @param images how long a claim-checked image stays in GridFS after upload; the processor reads it within
 *     seconds, the rest of the time is for support and relabelling
 * @param diagnoses how long a diagnosis (request and result) can still be read with {@code GET}; older ones are
 *     deleted, so the store does not grow for ever (the embedded MongoDB gets slower as it grows)
 * @param sweepInterval how often expired records and images are looked for
 */
@Validated
@ConfigurationProperties("plantspy.retention")
public record RetentionProperties(
    @DefaultValue("24h") Duration idempotencyKeys,
    @DefaultValue("7d") Duration images,
    @DefaultValue("90d") Duration diagnoses,
    @DefaultValue("10m") Duration sweepInterval) {

  public RetentionProperties {
    Durations.requirePositive("plantspy.retention.idempotency-keys", idempotencyKeys);
    Durations.requirePositive("plantspy.retention.images", images);
    Durations.requirePositive("plantspy.retention.diagnoses", diagnoses);
    Durations.requirePositive("plantspy.retention.sweep-interval", sweepInterval);
    if (diagnoses.compareTo(idempotencyKeys) < 0) {
      // A retry with a remembered key replays its first diagnosis, which must therefore still exist.
      throw new IllegalArgumentException("plantspy.retention.diagnoses (" + diagnoses
          + ") must be at least plantspy.retention.idempotency-keys (" + idempotencyKeys + ")");
    }
  }
}
