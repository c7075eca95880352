package io.plantspy.web.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** A bulk job of the signed-in user as the ingest API shows it: status, counts and times. */
public record Job(
    String id,
    String status,
    String format,
    Counts counts,
    Instant createdAt,
    Instant completedAt,
    Diagnosis.Failure error) {

  private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled", "expired");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** Items per outcome; {@code total} is known once the job is in progress. */
  public record Counts(long total, long completed, long failed, long cancelled) {

    /** Items with an outcome, whatever it is. */
    public long done() {
      return completed + failed + cancelled;
    }
  }

  /** Whether the job has stopped changing (no more polling). */
  public boolean finished() {
    return FINISHED.contains(status);
  }

  /** Whether a cancel can still change something. */
  public boolean cancellable() {
    return "validating".equals(status) || "in_progress".equals(status);
  }

  /** Share of items with an outcome, 0 to 100. */
  public long percent() {
    return counts == null || counts.total() == 0 ? 0 : Math.round(100.0 * counts.done() / counts.total());
  }

  public String when() {
    return createdAt == null ? "" : WHEN.format(createdAt);
  }
}
