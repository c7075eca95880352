package io.plantspy.ingest.mongo;

import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.StoredResult;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One diagnosis in the {@code diagnoses} collection: recorded PENDING by the instance that queued the request (or
 * created from its result, when that instance died before recording it or, for a waiting request without an
 * Idempotency-Key, had not recorded it yet), settled once by whichever instance consumed the result. It is the only
 * state the API shares between instances.
 *
 * @param requestedAnswers names of {@code io.plantspy.schemas.Answer}
 * @param result null while PENDING
 */
@Document("diagnoses")
public record DiagnosisDocument(
    @Id String id,
    String owner,
    DiagnosisStatus status,
    Instant createdAt,
    List<String> requestedAnswers,
    String source,
    StoredResult result) {

  public static final String COLLECTION = "diagnoses";

  public boolean settled() {
    return status != DiagnosisStatus.PENDING;
  }

  /** Whether the request's own fields are here: a document created from its result on another instance lacks them. */
  public boolean hasRequest() {
    return requestedAnswers != null;
  }

  /** This diagnosis once {@code result} is stored: what the document in MongoDB now says. */
  public DiagnosisDocument settledWith(StoredResult result) {
    return new DiagnosisDocument(id, owner, result.status(), createdAt, requestedAnswers, source, result);
  }
}
