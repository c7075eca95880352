package io.plantspy.ingest.lab;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One lab sample in the {@code lab_samples} collection. {@code liveSha256} holds the image's hash while the sample
 * is PENDING or LIVE and is removed when it is withdrawn: a unique sparse index on it lets the same bytes be stored
 * once among the samples not withdrawn, atomically across API instances (a partial index would say it more directly,
 * but the embedded mongo-java-server supports only sparse ones).
 *
 * @param imageId the GridFS id (ObjectId hex) in bucket {@code lab_images}
 * @param createdAt when the API accepted it (uploaded at)
 */
@Document(LabSampleDocument.COLLECTION)
record LabSampleDocument(
    @Id String id,
    Status status,
    String sha256,
    String liveSha256,
    String label,
    String labId,
    String sampleRef,
    Instant capturedAt,
    String notes,
    String owner,
    Instant createdAt,
    String imageId,
    String contentType,
    long sizeBytes,
    Instant withdrawnAt) {

  static final String COLLECTION = "lab_samples";

  /** Where a sample is in its life. */
  enum Status {
    /** Stored, not yet on the topic: counted nowhere, but its bytes are taken. */
    PENDING,
    /** On the topic: counted, listed, trained on. */
    LIVE,
    /** Withdrawn by its lab: a tombstone is on the topic; kept for the record, counted nowhere. */
    WITHDRAWN
  }
}
