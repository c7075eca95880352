package io.plantspy.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plantspy.schemas.ErrorCode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The processor's meters, all tagged with the model release so that dashboards can compare releases side by side
 * during a rollout. A model call is counted under the release that ran it; other work (buffering, errors, dead
 * letters) under the release serving at the time. A release's meters are registered when it is first seen (errors
 * for every code) so that its rates start at zero rather than appearing with the first occurrence.
 */
public final class DiagnosisMetrics {

  public static final String REQUESTS = "plantspy.processor.requests";
  public static final String ERRORS = "plantspy.processor.errors";
  public static final String DEAD_LETTERS = "plantspy.processor.dead.letters";
  public static final String RETRIES = "plantspy.processor.retries";
  public static final String BATCH_SIZE = "plantspy.processor.batch.size";
  public static final String INFERENCE = "plantspy.processor.inference";
  public static final String RELEASE_TAG = "release";

  private final MeterRegistry registry;
  private final Supplier<String> servingRelease;
  private final Map<String, ReleaseMeters> releases = new ConcurrentHashMap<>();

  /** @param servingRelease the id of the release serving now (read at every event, as it may change) */
  public DiagnosisMetrics(MeterRegistry registry, Supplier<String> servingRelease) {
    this.registry = registry;
    this.servingRelease = servingRelease;
    meters(servingRelease.get());
  }

  public void requestBuffered() {
    serving().requests.increment();
  }

  public void deadLettered() {
    serving().deadLetters.increment();
  }

  public void retried(int requests) {
    serving().retries.increment(requests);
  }

  public void error(ErrorCode code) {
    serving().errors.get(code).increment();
  }

  /** One model call of {@code size} images that release {@code releaseId} answered in {@code inferenceTime}. */
  public void batch(String releaseId, int size, Duration inferenceTime) {
    ReleaseMeters meters = meters(releaseId);
    meters.batchSize.record(size);
    meters.inference.record(inferenceTime);
  }

  private ReleaseMeters serving() {
    return meters(servingRelease.get());
  }

  private ReleaseMeters meters(String releaseId) {
    return releases.computeIfAbsent(releaseId, id -> new ReleaseMeters(registry, id));
  }

  /** Every meter of one release. */
  private static final class ReleaseMeters {

    final Counter requests;
    final Counter deadLetters;
    final Counter retries;
    final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);
    final DistributionSummary batchSize;
    final Timer inference;

    ReleaseMeters(MeterRegistry registry, String releaseId) {
      requests = Counter.builder(REQUESTS).description("Diagnosis requests taken into a batch")
          .tag(RELEASE_TAG, releaseId).register(registry);
      deadLetters = Counter.builder(DEAD_LETTERS).description("Request records sent to the dead-letter topic")
          .tag(RELEASE_TAG, releaseId).register(registry);
      retries = Counter.builder(RETRIES)
          .description("Requests kept buffered for another try after their batch failed")
          .tag(RELEASE_TAG, releaseId).register(registry);
      for (ErrorCode code : ErrorCode.values()) {
        errors.put(code, Counter.builder(ERRORS).description("Requests answered with an error")
            .tag(RELEASE_TAG, releaseId).tag("code", code.name()).register(registry));
      }
      batchSize = DistributionSummary.builder(BATCH_SIZE).description("Images per model call")
          .tag(RELEASE_TAG, releaseId).publishPercentileHistogram().register(registry);
      inference = Timer.builder(INFERENCE).description("Duration of one model call over a batch")
          .tag(RELEASE_TAG, releaseId).publishPercentileHistogram().register(registry);
    }
  }
}
