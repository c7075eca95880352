package io.plantspy.web.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One of the signed-in user's diagnoses as the ingest API lists it: the answers their roles allow, how the photo
 * came ({@code UPLOAD}, {@code URL}, {@code FEED}) and whether a thumbnail was kept.
 */
public record HistoryEntry(
    String id,
    String status,
    Instant createdAt,
    Instant completedAt,
    String source,
    String thumbnail,
    String modelRelease,
    Diagnosis.Label category,
    Diagnosis.Label health,
    Diagnosis.Label disease,
    String predictedClass,
    List<Diagnosis.Label> top3,
    Boolean unknown,
    Diagnosis.Failure error) {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** The same answers as a {@link Diagnosis}, for the fragments that show one. */
  public Diagnosis diagnosis() {
    return new Diagnosis(id, status, createdAt, completedAt, modelRelease, category, health, disease,
        predictedClass, top3, unknown, error);
  }

  public boolean hasThumbnail() {
    return thumbnail != null;
  }

  /** When it was accepted, to the minute, in UTC. */
  public String when() {
    return createdAt == null ? "" : WHEN.format(createdAt);
  }
}
