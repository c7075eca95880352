package io.plantspy.ingest.diagnosis;

import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ScoredLabel;
import java.time.Instant;
import java.util.List;

/**
 * A {@link DiagnosisResult} as kept in the {@code diagnoses} document: plain fields rather than Avro classes, so
 * the stored shape does not change when a schema's generated code does.
 */
public record StoredResult(
    String modelRelease,
    Label category,
    Label health,
    Label disease,
    String predictedClass,
    List<Label> top3,
    Boolean unknown,
    String errorCode,
    String errorMessage,
    Timings timings,
    Instant completedAt,
    String traceId) {

  /** A label and the model's confidence in it. */
  public record Label(String label, float confidence) {
    static Label of(ScoredLabel s) {
      return s == null ? null : new Label(s.getLabel(), s.getConfidence());
    }
  }

  /** Where the processor spent its time. */
  public record Timings(long queuedMillis, long preprocessMillis, long inferenceMillis, int batchSize) {}

  /**
   * @param traceId the diagnosis's trace (W3C, from the result record's traceparent), null when the record carried
   *     none
   */
  public static StoredResult from(DiagnosisResult result, String traceId) {
    Timings timings = new Timings(result.getTimings().getQueuedMillis(), result.getTimings().getPreprocessMillis(),
        result.getTimings().getInferenceMillis(), result.getTimings().getBatchSize());
    String release = result.getModelRelease();
    if (result.getOutcome() instanceof Diagnosis d) {
      return new StoredResult(release, Label.of(d.getCategory()), Label.of(d.getHealth()), Label.of(d.getDisease()),
          d.getPredictedClass(), d.getTop3().stream().map(Label::of).toList(), d.getUnknown(), null, null, timings,
          result.getCompletedAt(), traceId);
    }
    DiagnosisError e = (DiagnosisError) result.getOutcome();
    return new StoredResult(release, null, null, null, null, List.of(), null, e.getCode().name(), e.getMessage(),
        timings, result.getCompletedAt(), traceId);
  }

  public boolean failed() {
    return errorCode != null;
  }

  /** The status a diagnosis has once this result is stored. */
  public DiagnosisStatus status() {
    return failed() ? DiagnosisStatus.FAILED : DiagnosisStatus.DONE;
  }
}
