package io.plantspy.ingest.web;

import io.plantspy.ingest.diagnosis.DiagnosisService;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.SecurityConfig;
import io.plantspy.schemas.Answer;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Synchronous endpoints kept for clients of the seed API: one answer per call, waiting up to the configured
 * maximum. Each needs its own role (enforced in SecurityConfig). If the answer is not ready in time the reply
 * is 202 with a Location, like the asynchronous API; a processor failure is a 422 problem.
 */
@RestController
@RequestMapping("/api/v1/predict")
class PredictController {

  private final DiagnosisService service;
  private final SubmissionReader reader;
  private final WaitProperties waitProps;

  PredictController(DiagnosisService service, SubmissionReader reader, WaitProperties waitProps) {
    this.service = service;
    this.reader = reader;
    this.waitProps = waitProps;
  }

  @PostMapping(path = "/category", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<ResponseEntity<Object>> category(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.CATEGORY, image, auth);
  }

  @PostMapping(path = "/health", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<ResponseEntity<Object>> health(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.HEALTH, image, auth);
  }

  @PostMapping(path = "/disease", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<ResponseEntity<Object>> disease(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.DISEASE, image, auth);
  }

  private Mono<ResponseEntity<Object>> predict(Answer answer, Part image, Authentication auth) {
    return reader.fromUpload(image, auth.getName(), Set.of(answer), null)
        .flatMap(s -> service.submit(s, waitProps.max()))
        .map(doc -> {
          if (doc.status() == DiagnosisStatus.PENDING) {
            return ResponseEntity.accepted().location(DiagnosisController.location(doc.id()))
                .body(DiagnosisView.of(doc, Set.of(answer)));
          }
          if (doc.status() == DiagnosisStatus.FAILED) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "diagnosis-failed", "Diagnosis failed",
                doc.result().errorCode() + ": " + doc.result().errorMessage());
          }
          return ResponseEntity.ok(PredictionView.of(doc, answer));
        });
  }
}
