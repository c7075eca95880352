package io.plantspy.processor.topology;

import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.LabelConfidence;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.schemas.Timings;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds DiagnosisResult records: the model's answers in the Avro contract, or a typed error. */
final class Results {

  /**
   * The schema requires a crop and a health; an unknown image has neither, so it gets this label with confidence 0
   * and readers go by {@code unknown}. (Making them optional would break the rule that every shipped schema
   * version reads every other: a v1 reader cannot read a null where it expects a label.)
   */
  static final String UNKNOWN_LABEL = "unknown";

  private Results() {}

  /**
   * Carries every answer whatever {@code requestedAnswers} says: the API filters by the caller's role. The
   * request's one-off callback URL travels on, for the webhook service.
   */
  static DiagnosisResult diagnosis(DiagnosisRequest request, String releaseId, ClassifierAnswer answer,
      Timings timings, Instant completedAt) {
    return diagnosis(request, releaseId, answer, timings, completedAt, null);
  }

  /** As above, with the JPEG thumbnail the request asked for ({@code null}: none). */
  static DiagnosisResult diagnosis(DiagnosisRequest request, String releaseId, ClassifierAnswer answer,
      Timings timings, Instant completedAt, byte[] thumbnail) {
    Diagnosis outcome = Diagnosis.newBuilder()
        .setCategory(answer.category().map(Results::label).orElseGet(Results::unknown))
        .setHealth(answer.health().map(Results::label).orElseGet(Results::unknown))
        .setDisease(answer.disease().map(Results::label).orElse(null))
        .setPredictedClass(answer.predictedClass())
        .setTop3(answer.top3().stream().map(Results::label).toList())
        .setUnknown(answer.unknown())
        .build();
    return new DiagnosisResult(request.getId(), request.getOwner(), releaseId, outcome, timings, completedAt,
        request.getCallbackUrl(), thumbnail == null ? null : ByteBuffer.wrap(thumbnail));
  }

  /** An error answer to a request; {@code releaseId} is null when no model was involved. */
  static DiagnosisResult error(DiagnosisRequest request, String releaseId, ErrorCode code, String message,
      Timings timings, Instant completedAt) {
    return new DiagnosisResult(request.getId(), request.getOwner(), releaseId, new DiagnosisError(code, message),
        timings, completedAt, request.getCallbackUrl(), null);
  }

  /** An error answer to a record that could not be read as a request (so no callback URL is known). */
  static DiagnosisResult error(String id, String owner, ErrorCode code, String message, Timings timings,
      Instant completedAt) {
    return new DiagnosisResult(id, owner, null, new DiagnosisError(code, message), timings, completedAt, null, null);
  }

  static ErrorCode codeFor(InvalidImageException.Reason reason) {
    return switch (reason) {
      case EMPTY, CORRUPT -> ErrorCode.UNDECODABLE_IMAGE;
      case TOO_LARGE, DIMENSIONS_TOO_LARGE, TOO_MANY_PIXELS -> ErrorCode.IMAGE_TOO_LARGE;
      case UNSUPPORTED_FORMAT -> ErrorCode.UNSUPPORTED_FORMAT;
    };
  }

  static Timings timings(long queuedMillis, long preprocessMillis, long inferenceMillis, int batchSize) {
    return new Timings(Math.max(0, queuedMillis), preprocessMillis, inferenceMillis, batchSize);
  }

  static Timings noTimings() {
    return new Timings(0L, 0L, 0L, 0);
  }

  private static ScoredLabel label(LabelConfidence label) {
    return new ScoredLabel(label.label(), (float) label.confidence());
  }

  private static ScoredLabel unknown() {
    return new ScoredLabel(UNKNOWN_LABEL, 0f);
  }
}
