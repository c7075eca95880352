package io.plantspy.ingest.web;

import io.plantspy.ingest.callback.CallbackUrls;
import io.plantspy.ingest.diagnosis.DiagnosisService;
import io.plantspy.ingest.diagnosis.Submission;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.Roles;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The asynchronous diagnosis API: submit an image (upload or URL), optionally wait for the answer, read it later.
 * A submission answers 202 with a Location, or 200 with the result when it arrives within {@code wait}.
 */
@RestController
@RequestMapping("/api/v1/diagnoses")
@Tag(name = "Diagnoses", description = "Submit a leaf photo for diagnosis, wait for it if you like, read it later. "
    + "Each answer (category, health, disease) is shown only to callers holding its realm role.")
class DiagnosisController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String WAIT_DOC = "How long to wait for the answer before replying 202: `5s`, `500ms`, `PT5S` "
      + "or seconds; capped at the configured maximum; absent means do not wait";
  static final String RETRY_AFTER_DOC = "Seconds to wait before retrying";
  private static final String CALLBACK_DOC = "A public http(s) URL the answer is also pushed to, once, as a signed "
      + "webhook (diagnosis.completed or diagnosis.failed, signed with your callback secret from the webhooks "
      + "service); optional";
  private static final String KEY_DOC = "Makes a retry safe: the same key with the same request returns the first "
      + "diagnosis instead of a new one (1 to 200 printable ASCII characters)";

  private final DiagnosisService service;
  private final SubmissionReader reader;
  private final WaitProperties waitProps;
  private final CallbackUrls callbacks;

  DiagnosisController(DiagnosisService service, SubmissionReader reader, WaitProperties waitProps,
      CallbackUrls callbacks) {
    this.service = service;
    this.reader = reader;
    this.waitProps = waitProps;
    this.callbacks = callbacks;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "submitDiagnosis", summary = "Submit a leaf photo for diagnosis",
      description = "Upload the photo as the multipart part `image`, or send `{\"url\": \"https://...\"}` as JSON to "
          + "have the API fetch it. The diagnosis asks for every answer your roles allow.")
  @ApiResponse(responseCode = "200", description = "The diagnosis settled within `wait`")
  @ApiResponse(responseCode = "202", description = "Accepted and still pending; read it later at `Location`",
      headers = @Header(name = "Location", description = "Where to read the diagnosis",
          schema = @Schema(type = "string", format = "uri-reference")))
  @ApiResponse(responseCode = "400", description = "Bad `wait` or `Idempotency-Key`, a missing, empty or corrupt "
      + "image, bad JSON, or a URL or `callbackUrl` that is not http(s) or is malformed (`bad-wait`, "
      + "`bad-idempotency-key`, `empty-image`, `corrupt-image`, `bad-url`, `bad-callback-url`)")
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "409", description = "The first request with this `Idempotency-Key` is still being "
      + "accepted; retry (`idempotency-key-in-progress`)")
  @ApiResponse(responseCode = "413", description = "The image, or its width, height or pixel count, is above the "
      + "limit (`image-too-large`, `image-dimensions-too-large`)")
  @ApiResponse(responseCode = "415", description = "The request is neither multipart nor JSON, or the image is not "
      + "JPEG, PNG or WebP (`unsupported-image-format`)")
  @ApiResponse(responseCode = "422", description = "The `Idempotency-Key` was used for a different request, the "
      + "URL could not give an image (refused address, unknown host, not an image, too many redirects), or the "
      + "`callbackUrl` resolves to a refused address or to none (`idempotency-key-reused`, `refused-address`, "
      + "`unknown-host`, `not-an-image`, `too-many-redirects`, `refused-callback-url`)")
  @ApiResponse(responseCode = "502", description = "The image URL failed or answered an error (`image-url-failed`)")
  @ApiResponse(responseCode = "408", description = "The request body stopped arriving (`request-timeout`)")
  @ApiResponse(responseCode = "429", description = "You have as many uploads, URL fetches or waiting requests in "
      + "flight as one caller may; retry after `Retry-After` seconds (`too-many-requests`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  @ApiResponse(responseCode = "503", description = "This instance is at its limit, or the store, queue or realm is "
      + "unreachable; retry after `Retry-After` seconds (`busy`, `store-unavailable`, `queue-unavailable`, "
      + "`auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  @ApiResponse(responseCode = "504", description = "The image URL did not answer in time (`image-url-timeout`)")
  Mono<ResponseEntity<DiagnosisView>> upload(@RequestPart("image") Part image,
      @Parameter(description = WAIT_DOC) @RequestParam(name = "wait", required = false) String wait,
      @Parameter(description = KEY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @Parameter(description = CALLBACK_DOC) @RequestParam(name = "callbackUrl", required = false) String callbackUrl,
      Authentication auth) {
    Set<Answer> answers = requireAnswers(auth);
    Duration waitFor = WaitParameter.parse(wait, waitProps.max());
    return submitAndAnswer(callbacks.vet(callbackUrl).flatMap(callback ->
        reader.fromUpload(image, auth.getName(), answers, key, callback.orElse(null))), waitFor, answers);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "submitDiagnosis")
  Mono<ResponseEntity<DiagnosisView>> fromUrl(@RequestBody UrlSubmission body,
      @Parameter(description = WAIT_DOC) @RequestParam(name = "wait", required = false) String wait,
      @Parameter(description = KEY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @Parameter(description = CALLBACK_DOC) @RequestParam(name = "callbackUrl", required = false) String callbackUrl,
      Authentication auth) {
    Set<Answer> answers = requireAnswers(auth);
    Duration waitFor = WaitParameter.parse(wait, waitProps.max());
    return submitAndAnswer(callbacks.vet(callbackUrl).flatMap(callback ->
        reader.fromUrl(body, auth.getName(), answers, key, callback.orElse(null))), waitFor, answers);
  }

  private Mono<ResponseEntity<DiagnosisView>> submitAndAnswer(Mono<Submission> submission, Duration waitFor,
      Set<Answer> answers) {
    return submission
        .flatMap(s -> AcceptOnce.submit(service, s, waitFor))
        .map(doc -> respond(doc, answers));
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getDiagnosis", summary = "Read a diagnosis",
      description = "Your own diagnosis, pending or settled, with the answers your roles allow.")
  @ApiResponse(responseCode = "200", description = "The diagnosis")
  @ApiResponse(responseCode = "404", description = "No such diagnosis of yours; other people's are not revealed "
      + "(`diagnosis-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<DiagnosisView> get(@Parameter(description = "The diagnosis id, from `Location` or the submission's `id`")
      @PathVariable String id, Authentication auth) {
    Set<Answer> visible = Roles.answersOf(auth);
    return service.find(id, auth.getName())
        .map(doc -> DiagnosisView.of(doc, visible))
        // Same answer for unknown ids and other people's: existence of someone else's diagnosis is not leaked.
        .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "diagnosis-not-found",
            "Diagnosis not found", "no diagnosis " + id + " for you")));
  }

  static Set<Answer> requireAnswers(Authentication auth) {
    Set<Answer> answers = Roles.answersOf(auth);
    if (answers.isEmpty()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          "diagnosing needs at least one of the roles category, health or disease");
    }
    return answers;
  }

  static ResponseEntity<DiagnosisView> respond(DiagnosisDocument doc, Set<Answer> visible) {
    DiagnosisView view = DiagnosisView.of(doc, visible);
    if (doc.settled()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.accepted().location(location(doc.id())).body(view);
  }

  static URI location(String id) {
    return URI.create("/api/v1/diagnoses/" + id);
  }
}
