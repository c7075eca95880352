package io.plantspy.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A diagnosis as a caller may see it. Each answer appears only if the caller holds its role. {@code top3} and
 * {@code predictedClass} name Crop___Disease classes, so they are disease information and need the disease role;
 * {@code unknown}, the model release, timings and errors are shown to every caller of their own diagnosis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A diagnosis as you may see it: each answer only with its realm role")
public record DiagnosisView(
    @Schema(description = "The diagnosis id", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(description = "Waiting for the processor, answered, or answered with an error",
        allowableValues = {"PENDING", "DONE", "FAILED"}, requiredMode = Schema.RequiredMode.REQUIRED) String status,
    @Schema(description = "When it was accepted") Instant createdAt,
    @Schema(description = "When the processor answered") Instant completedAt,
    @Schema(description = "The model release that answered") String modelRelease,
    @Schema(description = "The crop; needs the role `category`") StoredResult.Label category,
    @Schema(description = "Healthy or sick; needs the role `health`") StoredResult.Label health,
    @Schema(description = "The disease, absent for a healthy leaf; needs the role `disease`") StoredResult.Label disease,
    @Schema(description = "The Crop___Disease class; needs the role `disease`") String predictedClass,
    @Schema(description = "The three likeliest classes; needs the role `disease`") List<StoredResult.Label> top3,
    @Schema(description = "True when the photo is not a leaf the model knows") Boolean unknown,
    @Schema(description = "Why the processor could not diagnose the image (status FAILED)") ErrorView error,
    @Schema(description = "Where the time went in the processor") StoredResult.Timings timings,
    @Schema(description = "The W3C trace id of this diagnosis (32 hex digits): one trace from the API through "
        + "Kafka and the processor to the stored result; the same id is in every log line about it",
        example = "4bf92f3577b34da6a3ce929d0e0e4736") String traceId) {

  /** Why the processor could not diagnose the image. */
  public record ErrorView(@Schema(description = "Machine-readable reason") String code,
      @Schema(description = "What went wrong") String message) {}

  public static DiagnosisView of(DiagnosisDocument doc, Set<Answer> visible) {
    StoredResult r = doc.result();
    if (r == null) {
      return new DiagnosisView(doc.id(), doc.status().name(), doc.createdAt(), null, null, null, null, null, null,
          null, null, null, null, null);
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
        r.timings(),
        r.traceId());
  }
}
