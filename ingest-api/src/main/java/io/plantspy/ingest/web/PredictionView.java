package io.plantspy.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.schemas.Answer;

/**
 * The one answer a synchronous predict endpoint returns. {@code label} and {@code confidence} are absent when
 * the model gave no such answer (e.g. no disease for a healthy leaf).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionView(
    String id, String answer, String label, Float confidence, Boolean unknown, String modelRelease) {

  static PredictionView of(DiagnosisDocument doc, Answer answer) {
    StoredResult r = doc.result();
    StoredResult.Label label = switch (answer) {
      case CATEGORY -> r.category();
      case HEALTH -> r.health();
      case DISEASE -> r.disease();
    };
    return new PredictionView(doc.id(), answer.name().toLowerCase(java.util.Locale.ROOT),
        label == null ? null : label.label(), label == null ? null : label.confidence(), r.unknown(),
        r.modelRelease());
  }
}
