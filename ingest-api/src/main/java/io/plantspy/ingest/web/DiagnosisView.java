package io.plantspy.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.schemas.Answer;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A diagnosis as a caller may see it. Each answer appears only if the caller holds its role. {@code top3} and
 * {@code predictedClass} name Crop___Disease classes, so they are disease information and need the disease role;
 * {@code unknown}, the model release, timings and errors are shown to every caller of their own diagnosis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisView(
    String id,
    String status,
    Instant createdAt,
    Instant completedAt,
    String modelRelease,
    StoredResult.Label category,
    StoredResult.Label health,
    StoredResult.Label disease,
    String predictedClass,
    List<StoredResult.Label> top3,
    Boolean unknown,
    ErrorView error,
    StoredResult.Timings timings) {

  /** Why the processor could not diagnose the image. */
  public record ErrorView(String code, String message) {}

  static DiagnosisView of(DiagnosisDocument doc, Set<Answer> visible) {
    StoredResult r = doc.result();
    if (r == null) {
      return new DiagnosisView(doc.id(), doc.status().name(), doc.createdAt(), null, null, null, null, null, null,
          null, null, null, null);
    }
    boolean disease = visible.contains(Answer.DISEASE);
    return new DiagnosisView(
        doc.id(), doc.status().name(), doc.createdAt(), r.completedAt(), r.modelRelease(),
        visible.contains(Answer.CATEGORY) ? r.category() : null,
        visible.contains(Answer.HEALTH) ? r.health() : null,
        disease ? r.disease() : null,
        disease ? r.predictedClass() : null,
        disease ? r.top3() : null,
        r.unknown(),
        r.failed() ? new ErrorView(r.errorCode(), r.errorMessage()) : null,
        r.timings());
  }
}
