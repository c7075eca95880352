package io.plantspy.ingest.diagnosis;

import io.plantspy.model.image.ImageInfo;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.RequestSource;
import java.util.Map;
import java.util.Set;

/**
 * A vetted image and who wants which answers about it: everything needed to accept a diagnosis request.
 *
 * @param bodyHash what an Idempotency-Key is bound to; a retry with the same key must have the same hash
 * @param callbackUrl a vetted one-off URL the answer is pushed to, or null
 */
public record Submission(
    String owner, Set<Answer> answers, RequestSource source, byte[] image, ImageInfo info,
    Map<String, String> metadata, String idempotencyKey, String bodyHash, String callbackUrl) {

  /** A submission without a callback URL. */
  public Submission(String owner, Set<Answer> answers, RequestSource source, byte[] image, ImageInfo info,
      Map<String, String> metadata, String idempotencyKey, String bodyHash) {
    this(owner, answers, source, image, info, metadata, idempotencyKey, bodyHash, null);
  }
}
