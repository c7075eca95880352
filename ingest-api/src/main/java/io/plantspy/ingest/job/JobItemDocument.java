package io.plantspy.ingest.job;

import io.plantspy.ingest.diagnosis.StoredResult;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One item of a job in {@code job_items}; its id is the diagnosis id its request and result carry. (jobId,
 * customId) is unique. The image rides inline while small and is a GridFS claim check ({@code imageId}) otherwise,
 * exactly as for single diagnoses; the inline bytes are dropped once published.
 *
 * @param seq the item's position in the body, from 0: results are listed in that order
 * @param result the processor's answer, once it came
 */
@Document(JobItemDocument.COLLECTION)
record JobItemDocument(
    @Id String id,
    String jobId,
    String customId,
    long seq,
    ItemStatus status,
    String contentType,
    long sizeBytes,
    byte[] inline,
    String imageId,
    String errorCode,
    String errorMessage,
    StoredResult result) {

  static final String COLLECTION = "job_items";
}
