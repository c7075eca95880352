package io.plantspy.ingest.lab;

import io.plantspy.ingest.config.Durations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of a lab upload and where the class overview reads the champion and the base dataset.
 *
 * @param maxRequestSize largest body of one upload (all its images and fields); a bigger one gives 413 before it
 *     is read. It also counts against the upload budgets ({@code plantspy.limits.upload-bytes}), which bound memory
 * @param notesMaxLength longest {@code notes}, in characters
 * @param maxPageSize largest {@code size} of a page of samples
 * @param claimLease a sample whose bytes are stored but not yet published blocks an upload of the same bytes (409)
 *     for this long; after it, that upload publishes it itself (the first attempt died in between). Longer than
 *     the slowest publish (the producer's max.block.ms plus delivery.timeout.ms, 40 s)
 * @param sweepInterval how often samples left unpublished past the claim lease are published
 * @param modelsDir the folder of model releases whose {@code CURRENT} names the champion (the served release) until
 *     the trainer service has registered one in {@code model_releases}
 * @param baseDataset the base training dataset, one sub-folder of photos per class; its per-class counts are
 *     reported beside the lab's (absent when the folder does not exist)
 */
@Validated
@ConfigurationProperties("plantspy.lab")
public record LabProperties(
    @DefaultValue("64MB") DataSize maxRequestSize,
    @DefaultValue("2000") @Positive int notesMaxLength,
    @DefaultValue("100") @Positive @Max(1000) int maxPageSize,
    @DefaultValue("1m") Duration claimLease,
    @DefaultValue("1m") Duration sweepInterval,
    @DefaultValue("models") Path modelsDir,
    @DefaultValue("../shared/datasets/plantvillage") Path baseDataset) {

  public LabProperties {
    if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
      throw new IllegalArgumentException("plantspy.lab.max-request-size must be positive");
    }
    Durations.requirePositive("plantspy.lab.claim-lease", claimLease);
    Durations.requirePositive("plantspy.lab.sweep-interval", sweepInterval);
  }
}
