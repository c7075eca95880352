package io.plantspy.ingest.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A job as its owner sees it: status with the time of each step, counts, and where its results are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A bulk job")
public record JobView(
    @Schema(description = "The job id", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(description = "Where the job stands", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
        "validating", "in_progress", "completed", "failed", "cancelling", "cancelled", "expired"}) String status,
    @Schema(description = "How the items were sent", allowableValues = {"jsonl", "multipart", "zip"}) String format,
    @Schema(description = "Items per outcome", requiredMode = Schema.RequiredMode.REQUIRED) CountsView counts,
    @Schema(description = "When it was submitted") Instant createdAt,
    @Schema(description = "When every item was recorded and publishing began") Instant inProgressAt,
    @Schema(description = "When its last item finished") Instant completedAt,
    @Schema(description = "When its body was refused") Instant failedAt,
    @Schema(description = "When it was cancelled") Instant cancellingAt,
    @Schema(description = "When its cancellation ended") Instant cancelledAt,
    @Schema(description = "When it expired") Instant expiredAt,
    @Schema(description = "When it expires if not finished by then") Instant expiresAt,
    @Schema(description = "Why the job failed (status failed)") ErrorView error,
    @Schema(description = "Where its results are read (JSONL, or CSV with `Accept: text/csv`)") String results) {

  /** Items per outcome; {@code total} is known once the job is in progress. */
  public record CountsView(
      @Schema(description = "Items in the job") long total,
      @Schema(description = "Items diagnosed") long completed,
      @Schema(description = "Items refused or failed by the processor") long failed,
      @Schema(description = "Items cancelled before their result") long cancelled) {}

  /** Why a job failed. */
  public record ErrorView(@Schema(description = "Machine-readable reason") String code,
      @Schema(description = "What went wrong") String message) {}

  static JobView of(JobDocument job) {
    JobDocument.Counts c = job.counts();
    return new JobView(job.id(), job.status().wire(), job.format(),
        new CountsView(c.total(), c.completed(), c.failed(), c.cancelled()), job.createdAt(), job.inProgressAt(),
        job.completedAt(), job.failedAt(), job.cancellingAt(), job.cancelledAt(), job.expiredAt(), job.expiresAt(),
        job.error() == null ? null : new ErrorView(job.error().code(), job.error().message()),
        JobController.PATH + "/" + job.id() + "/results");
  }
}
