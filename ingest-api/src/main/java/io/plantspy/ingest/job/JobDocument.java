package io.plantspy.ingest.job;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bulk job in the {@code jobs} collection.
 *
 * @param ownerKey owner and Idempotency-Key joined, unique where present: the same key gives the same job
 * @param requestedAnswers names of {@code io.plantspy.schemas.Answer}, asked for every item
 * @param counts items per outcome; {@code total} is set when the job leaves {@code validating}
 * @param publishedAt when every item was on the bulk topic; null while some are not
 * @param heartbeatAt last sign of the instance reading or publishing the job: a job validating, or in progress and
 *     not all published, without one for {@code plantspy.jobs.stale-after} lost that instance
 * @param error why the job failed, when it did
 */
@Document(JobDocument.COLLECTION)
record JobDocument(
    @Id String id,
    String owner,
    String ownerKey,
    JobStatus status,
    String format,
    List<String> requestedAnswers,
    Counts counts,
    Instant createdAt,
    Instant inProgressAt,
    Instant completedAt,
    Instant failedAt,
    Instant cancellingAt,
    Instant cancelledAt,
    Instant expiredAt,
    Instant expiresAt,
    Instant publishedAt,
    Instant heartbeatAt,
    Error error) {

  static final String COLLECTION = "jobs";

  /** Items per outcome; the finished ones never decrease. */
  record Counts(long total, long completed, long failed, long cancelled) {
    static final Counts NONE = new Counts(0, 0, 0, 0);

    long finished() {
      return completed + failed + cancelled;
    }
  }

  /** Why a job was refused. */
  record Error(String code, String message) {}
}
