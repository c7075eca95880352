package io.plantspy.ingest.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.web.DiagnosisView;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * One item's line of a job's results, matched to the client's item by {@code customId}; its diagnosis shows only
 * the answers the caller's roles allow, exactly as {@code GET /api/v1/diagnoses/{id}} does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One item of a job and its outcome")
public record JobResultLine(
    @Schema(description = "The item's customId") String customId,
    @Schema(description = "The item's diagnosis id") String diagnosisId,
    @Schema(description = "Where the item stands", allowableValues = {"pending", "queued", "completed", "failed",
        "cancelled"}) String status,
    @Schema(description = "Why the item failed: a refusal's problem slug or the processor's error code")
    String errorCode,
    @Schema(description = "What went wrong") String errorMessage,
    @Schema(description = "The diagnosis, once the processor answered") DiagnosisView diagnosis) {

  /** The CSV header; {@link #csv} writes the values in this order. */
  static final List<String> CSV_COLUMNS = List.of("customId", "diagnosisId", "status", "errorCode", "category",
      "categoryConfidence", "health", "healthConfidence", "disease", "diseaseConfidence", "predictedClass",
      "unknown", "modelRelease");
  private static final CSVFormat CSV = CSVFormat.DEFAULT;

  static JobResultLine of(JobItemDocument item, String owner, Set<Answer> visible) {
    DiagnosisView diagnosis = null;
    if (item.result() != null) {
      DiagnosisStatus status = item.result().status();
      diagnosis = DiagnosisView.of(new DiagnosisDocument(item.id(), owner, status, null, null, "BULK",
          item.result()), visible);
    }
    return new JobResultLine(item.customId(), item.id(), item.status().wire(), item.errorCode(),
        item.errorMessage(), diagnosis);
  }

  static String csvHeader() {
    return CSV.format(CSV_COLUMNS.toArray()) + "\r\n";
  }

  /** This line as a CSV record (RFC 4180, CRLF); a column the caller may not see, or without a value, is empty. */
  String csv() {
    DiagnosisView d = diagnosis;
    return CSV.format(customId, diagnosisId, status, errorCode,
        d == null || d.category() == null ? null : d.category().label(),
        d == null || d.category() == null ? null : d.category().confidence(),
        d == null || d.health() == null ? null : d.health().label(),
        d == null || d.health() == null ? null : d.health().confidence(),
        d == null || d.disease() == null ? null : d.disease().label(),
        d == null || d.disease() == null ? null : d.disease().confidence(),
        d == null ? null : d.predictedClass(),
        d == null ? null : d.unknown(),
        d == null ? null : d.modelRelease()) + "\r\n";
  }
}
