package io.plantspy.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plantspy.schemas.ErrorCode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The processor's meters, all tagged with the model release so that dashboards can compare releases side by side
 * during a rollout. Meters are registered up front (errors for every code) so that rates start at zero rather than
 * appearing with the first occurrence.
 */
public final class DiagnosisMetrics {

  public static final String REQUESTS = "plantspy.processor.requests";
  public static final String ERRORS = "plantspy.processor.errors";
  public static final String DEAD_LETTERS = "plantspy.processor.dead.letters";
  public static final String RETRIES = "plantspy.processor.retries";
  public static final String BATCH_SIZE = "plantspy.processor.batch.size";
  public static final String INFERENCE = "plantspy.processor.inference";
  public static final String RELEASE_TAG = "release";

  private final Counter requests;
  private final Counter deadLetters;
  private final Counter retries;
  private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);
  private final DistributionSummary batchSize;
  private final Timer inference;

  public DiagnosisMetrics(MeterRegistry registry, String releaseId) {
    requests = Counter.builder(REQUESTS).description("Diagnosis requests taken into a batch")
        .tag(RELEASE_TAG, releaseId).register(registry);
    deadLetters = Counter.builder(DEAD_LETTERS).description("Request records sent to the dead-letter topic")
        .tag(RELEASE_TAG, releaseId).register(registry);
    retries = Counter.builder(RETRIES).description("Requests kept buffered for another try after their batch failed")
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

  public void requestBuffered() {
    requests.increment();
  }

  public void deadLettered() {
    deadLetters.increment();
  }

  public void retried(int requests) {
    retries.increment(requests);
  }

  public void error(ErrorCode code) {
    errors.get(code).increment();
  }

  public void batch(int size, Duration inferenceTime) {
    batchSize.record(size);
    inference.record(inferenceTime);
  }
}
