package io.plantspy.ingest.job;

import io.plantspy.ingest.config.Durations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of bulk jobs, per owner and per archive, and the timings of their upkeep.
 *
 * @param maxOpenJobs jobs one owner may have validating, in progress or cancelling at once; one more gets 429
 * @param maxItems items one job may have
 * @param maxBytes largest request body of one job (all its lines, parts or the archive); a bigger one gives 413
 * @param maxLineLength longest JSONL line, in bytes
 * @param maxArchiveEntries entries one zip archive may have (folders count)
 * @param maxUncompressedSize total uncompressed size of the entries of one zip archive
 * @param maxCompressionRatio uncompressed to compressed size of one zip entry beyond which it is taken for a bomb
 * @param expiry how long a job may stay open; its unfinished items are then cancelled and it is {@code expired}
 * @param staleAfter a job {@code validating} this long (its submission died with the API) becomes {@code failed};
 *     an {@code in_progress} job with items still unpublished this long has them published by the reconciler
 * @param reconcileInterval how often open jobs are recounted from their items, and stale or expired ones finished
 * @param maxPageSize largest {@code size} of a page of jobs
 * @param retryAfter the {@code Retry-After} of a 429 for too many open jobs
 */
@Validated
@ConfigurationProperties("plantspy.jobs")
public record JobProperties(
    @DefaultValue("5") @Positive int maxOpenJobs,
    @DefaultValue("100000") @Positive int maxItems,
    @DefaultValue("2GB") DataSize maxBytes,
    @DefaultValue("8KB") DataSize maxLineLength,
    @DefaultValue("100000") @Positive int maxArchiveEntries,
    @DefaultValue("4GB") DataSize maxUncompressedSize,
    @DefaultValue("100") @Positive int maxCompressionRatio,
    @DefaultValue("24h") Duration expiry,
    @DefaultValue("10m") Duration staleAfter,
    @DefaultValue("30s") Duration reconcileInterval,
    @DefaultValue("100") @Positive @Max(1000) int maxPageSize,
    @DefaultValue("60s") Duration retryAfter) {

  public JobProperties {
    if (maxBytes == null || maxBytes.toBytes() <= 0 || maxUncompressedSize == null
        || maxUncompressedSize.toBytes() <= 0 || maxLineLength == null || maxLineLength.toBytes() <= 0) {
      throw new IllegalArgumentException("plantspy.jobs sizes must be positive");
    }
    Durations.requirePositive("plantspy.jobs.expiry", expiry);
    Durations.requirePositive("plantspy.jobs.stale-after", staleAfter);
    Durations.requirePositive("plantspy.jobs.reconcile-interval", reconcileInterval);
    Durations.requirePositive("plantspy.jobs.retry-after", retryAfter);
  }
}
