package io.plantspy.ingest.web;

import io.plantspy.ingest.diagnosis.DiagnosisService;
import io.plantspy.ingest.diagnosis.Submission;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.problem.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Submits through {@link DiagnosisService}, making sure a submission ends in a diagnosis or a problem, never in
 * nothing: when the first request with the same Idempotency-Key fails and releases the key between this request's
 * claim and its look at the key, the service finds neither a claim nor a record and completes empty (which was a
 * 200 without a body). The key is free by then, so claiming it once more is right; if that is empty too, the
 * caller is told to retry.
 */
final class AcceptOnce {

  private AcceptOnce() {}

  static Mono<DiagnosisDocument> submit(DiagnosisService service, Submission s, Duration wait) {
    return service.submit(s, wait)
        .switchIfEmpty(Mono.defer(() -> service.submit(s, wait)))
        .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
            "Request in progress", "another request with this Idempotency-Key is being accepted or released; retry")));
  }
}
