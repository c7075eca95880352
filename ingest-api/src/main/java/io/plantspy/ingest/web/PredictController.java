package io.plantspy.ingest.web;

import io.plantspy.ingest.diagnosis.DiagnosisService;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.SecurityConfig;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Predictions", description = "One answer per call, waiting for it: the seed API's synchronous endpoints. "
    + "Each needs the realm role of its answer.")
@ApiResponse(responseCode = "200", description = "The answer",
    content = @Content(schema = @Schema(implementation = PredictionView.class)))
@ApiResponse(responseCode = "202", description = "Not ready within the maximum wait; read it later at `Location`",
    headers = @Header(name = "Location", description = "Where to read the diagnosis",
        schema = @Schema(type = "string", format = "uri-reference")),
    content = @Content(schema = @Schema(implementation = DiagnosisView.class)))
@ApiResponse(responseCode = "400", description = "A missing, empty or corrupt image (`empty-image`, `corrupt-image`)")
@ApiResponse(responseCode = "403", description = "Without the realm role of this answer")
@ApiResponse(responseCode = "413", description = "The image, or its width, height or pixel count, is above the limit "
    + "(`image-too-large`, `image-dimensions-too-large`)")
@ApiResponse(responseCode = "415", description = "The request is not multipart, or the image is not JPEG, PNG or "
    + "WebP (`unsupported-image-format`)")
@ApiResponse(responseCode = "422", description = "The processor could not diagnose the image (`diagnosis-failed`)")
@ApiResponse(responseCode = "408", description = "The request body stopped arriving (`request-timeout`)")
@ApiResponse(responseCode = "429", description = "You have as many uploads or waiting requests in flight as one "
    + "caller may; retry after `Retry-After` seconds (`too-many-requests`)",
    headers = @Header(name = "Retry-After", description = DiagnosisController.RETRY_AFTER_DOC,
        schema = @Schema(type = "integer")))
@ApiResponse(responseCode = "503", description = "This instance is at its limit, or the store, queue or realm is "
    + "unreachable; retry after `Retry-After` seconds (`busy`, `store-unavailable`, `queue-unavailable`, "
    + "`auth-unavailable`)",
    headers = @Header(name = "Retry-After", description = DiagnosisController.RETRY_AFTER_DOC,
        schema = @Schema(type = "integer")))
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
  @Operation(operationId = "predictCategory", summary = "Name the crop of a leaf photo",
      description = "Needs the role `category`. Upload the photo as the multipart part `image`.")
  Mono<ResponseEntity<Object>> category(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.CATEGORY, image, auth);
  }

  @PostMapping(path = "/health", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "predictHealth", summary = "Tell whether a leaf is healthy or sick",
      description = "Needs the role `health`. Upload the photo as the multipart part `image`.")
  Mono<ResponseEntity<Object>> health(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.HEALTH, image, auth);
  }

  @PostMapping(path = "/disease", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "predictDisease", summary = "Name the disease of a leaf photo",
      description = "Needs the role `disease`. Upload the photo as the multipart part `image`; a healthy leaf has no "
          + "disease label.")
  Mono<ResponseEntity<Object>> disease(@RequestPart("image") Part image, Authentication auth) {
    return predict(Answer.DISEASE, image, auth);
  }

  private Mono<ResponseEntity<Object>> predict(Answer answer, Part image, Authentication auth) {
    return reader.fromUpload(image, auth.getName(), Set.of(answer), null, null)
        .flatMap(s -> AcceptOnce.submit(service, s, waitProps.max()))
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
