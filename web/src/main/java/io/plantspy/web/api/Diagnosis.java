package io.plantspy.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A diagnosis as the ingest API shows it to the signed-in user: each answer is present only when the user holds its
 * role ({@code category}, {@code health}, {@code disease}); {@code top3} and {@code predictedClass} need
 * {@code disease}.
 */
public record Diagnosis(
    String id,
    String status,
    Instant createdAt,
    Instant completedAt,
    String modelRelease,
    Label category,
    Label health,
    Label disease,
    String predictedClass,
    List<Label> top3,
    Boolean unknown,
    Failure error) {

  /** An answer and the model's confidence in it, 0 to 1. */
  public record Label(String label, float confidence) {}

  /** Why the photo could not be diagnosed. */
  public record Failure(String code, String message) {}

  /** Still waiting for the stream processor. */
  public boolean pending() {
    return "PENDING".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }

  /** The model did not recognise a leaf it knows. */
  public boolean isUnknown() {
    return Boolean.TRUE.equals(unknown);
  }
}
