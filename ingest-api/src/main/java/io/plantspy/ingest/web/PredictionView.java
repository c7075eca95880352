package io.plantspy.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one answer a synchronous predict endpoint returns. {@code label} and {@code confidence} are absent when
 * the model gave no such answer (e.g. no disease for a healthy leaf).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The one answer of a predict endpoint")
public record PredictionView(
    @Schema(description = "The diagnosis id", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(description = "Which answer this is", allowableValues = {"category", "health", "disease"},
        requiredMode = Schema.RequiredMode.REQUIRED) String answer,
    @Schema(description = "The answer's label; absent when the model gave none") String label,
    @Schema(description = "The model's confidence in the label, 0 to 1") Float confidence,
    @Schema(description = "True when the photo is not a leaf the model knows") Boolean unknown,
    @Schema(description = "The model release that answered") String modelRelease) {

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
