package io.plantspy.webhooks.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What a subscriber receives, as types: the Standard Webhooks envelope {@code {type, timestamp, data}} of each
 * event. {@link Payloads} writes them; the OpenAPI document's {@code webhooks} section describes them from the same
 * records, so the documentation cannot drift from the bytes sent.
 */
public final class EventPayloads {

  private EventPayloads() {
  }

  @Schema(description = "diagnosis.completed or diagnosis.failed, for single diagnoses; the items of a bulk job give "
      + "none (their job's end is one job.* event, their results are at the job's results link)")
  public record DiagnosisEvent(
      @Schema(example = "diagnosis.completed") String type,
      @Schema(description = "when the diagnosis was completed (ISO-8601)") String timestamp,
      DiagnosisData data) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DiagnosisData(
      String diagnosisId,
      @Schema(description = "the model release that answered; absent when no model ran") String modelRelease,
      @Schema(description = "only the answers the subscriber's roles allow (category, health, disease); completed only")
      Map<String, ScoredAnswer> answers,
      @Schema(description = "true when the photo was answered unknown; completed only") Boolean unknown,
      @Schema(description = "why it failed; failed only") EventError error,
      DiagnosisLinks links) {
  }

  public record ScoredAnswer(@Schema(example = "Tomato") String label, float confidence) {
  }

  public record EventError(@Schema(example = "UNREADABLE_IMAGE") String code, String message) {
  }

  public record DiagnosisLinks(@Schema(description = "GET it from the ingest API with the owner's token")
      String diagnosis) {
  }

  @Schema(description = "model.promoted (admin subscriptions only)")
  public record ModelPromotedEvent(
      @Schema(example = "model.promoted") String type,
      @Schema(description = "when the release was announced (ISO-8601)") String timestamp,
      ModelPromotedData data) {
  }

  public record ModelPromotedData(String releaseId, @Schema(example = "champion") String alias, String createdAt) {
  }

  @Schema(description = "alert.disease_detected: a camera feed found a disease (once per device, class and window)")
  public record AlertEvent(
      @Schema(example = "alert.disease_detected") String type,
      @Schema(description = "when the alert was raised (ISO-8601)") String timestamp,
      AlertData data) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AlertData(
      String id,
      @Schema(description = "the device whose frame showed it") String device,
      String farm,
      @Schema(example = "Tomato___Early_blight") String predictedClass,
      @Schema(example = "Early_blight") String disease,
      Double confidence,
      String diagnosisId,
      @Schema(description = "start of the alert window (ISO-8601)") String windowStart,
      @Schema(description = "where the frame was taken, when the device said") Double lat,
      Double lon,
      DiagnosisLinks links) {
  }

  @Schema(description = "job.completed, job.failed, job.cancelled or job.expired: a bulk job ended")
  public record JobEndedEvent(
      @Schema(example = "job.completed") String type,
      @Schema(description = "when the job ended (ISO-8601)") String timestamp,
      JobData data) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JobData(
      String jobId,
      @Schema(example = "completed") String status,
      JobCounts counts,
      @Schema(description = "why a failed job failed, e.g. zip-bomb; failed only") String errorCode,
      JobLinks links) {
  }

  public record JobCounts(long total, long completed, long failed, long cancelled) {
  }

  public record JobLinks(@Schema(description = "GET the job from the ingest API with the owner's token") String job,
      @Schema(description = "GET its results as JSONL (Accept: text/csv for CSV)") String results) {
  }
}
