package io.plantspy.ingest.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.web.DiagnosisView;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One diagnosis in the caller's history: what {@code GET /api/v1/diagnoses/{id}} shows, its source and thumbnail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One of your diagnoses: each answer only with its realm role")
public record DiagnosisSummaryView(
    @Schema(description = "The diagnosis id", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(description = "Waiting for the processor, answered, or answered with an error",
        allowableValues = {"PENDING", "DONE", "FAILED"}, requiredMode = Schema.RequiredMode.REQUIRED) String status,
    @Schema(description = "When it was accepted") Instant createdAt,
    @Schema(description = "When the processor answered") Instant completedAt,
    @Schema(description = "How the photo came", allowableValues = {"UPLOAD", "URL"}) String source,
    @Schema(description = "Where to read its thumbnail (JPEG), when one was kept", format = "uri-reference")
    String thumbnail,
    @Schema(description = "The model release that answered") String modelRelease,
    @Schema(description = "The crop; needs the role `category`") StoredResult.Label category,
    @Schema(description = "Healthy or sick; needs the role `health`") StoredResult.Label health,
    @Schema(description = "The disease, absent for a healthy leaf; needs the role `disease`") StoredResult.Label disease,
    @Schema(description = "The Crop___Disease class; needs the role `disease`") String predictedClass,
    @Schema(description = "The three likeliest classes; needs the role `disease`") List<StoredResult.Label> top3,
    @Schema(description = "True when the photo is not a leaf the model knows") Boolean unknown,
    @Schema(description = "Why the processor could not diagnose the image (status FAILED)")
    DiagnosisView.ErrorView error) {

  /** The answers filtered exactly as the single read filters them ({@link DiagnosisView#of}). */
  public static DiagnosisSummaryView of(DiagnosisDocument doc, Set<Answer> visible, boolean hasThumbnail) {
    DiagnosisView v = DiagnosisView.of(doc, visible);
    return new DiagnosisSummaryView(v.id(), v.status(), v.createdAt(), v.completedAt(), doc.source(),
        hasThumbnail ? HistoryController.PATH + "/" + doc.id() + "/thumbnail" : null, v.modelRelease(),
        v.category(), v.health(), v.disease(), v.predictedClass(), v.top3(), v.unknown(), v.error());
  }
}
