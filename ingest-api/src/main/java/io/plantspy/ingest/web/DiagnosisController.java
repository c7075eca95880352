package io.plantspy.ingest.web;

import io.plantspy.ingest.diagnosis.DiagnosisService;
import io.plantspy.ingest.diagnosis.Submission;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.Roles;
import io.plantspy.schemas.Answer;
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
class DiagnosisController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final DiagnosisService service;
  private final SubmissionReader reader;
  private final WaitProperties waitProps;

  DiagnosisController(DiagnosisService service, SubmissionReader reader, WaitProperties waitProps) {
    this.service = service;
    this.reader = reader;
    this.waitProps = waitProps;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<ResponseEntity<DiagnosisView>> upload(@RequestPart("image") Part image,
      @RequestParam(name = "wait", required = false) String wait,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
    Set<Answer> answers = requireAnswers(auth);
    Duration waitFor = WaitParameter.parse(wait, waitProps.max());
    return submitAndAnswer(reader.fromUpload(image, auth.getName(), answers, key), waitFor, answers);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<DiagnosisView>> fromUrl(@RequestBody UrlSubmission body,
      @RequestParam(name = "wait", required = false) String wait,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, Authentication auth) {
    Set<Answer> answers = requireAnswers(auth);
    Duration waitFor = WaitParameter.parse(wait, waitProps.max());
    return submitAndAnswer(reader.fromUrl(body, auth.getName(), answers, key), waitFor, answers);
  }

  private Mono<ResponseEntity<DiagnosisView>> submitAndAnswer(Mono<Submission> submission, Duration waitFor,
      Set<Answer> answers) {
    return submission
        .flatMap(s -> service.submit(s, waitFor))
        .map(doc -> respond(doc, answers));
  }

  @GetMapping("/{id}")
  Mono<DiagnosisView> get(@PathVariable String id, Authentication auth) {
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
