package io.plantspy.ingest.job;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.ingest.security.Roles;
import io.plantspy.schemas.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk jobs API (any of the roles category, health, disease): submit many photos as one job, follow it, read
 * its results as JSONL or CSV, cancel it. A job and its results are seen by their owner only.
 */
@RestController
@RequestMapping(JobController.PATH)
@Tag(name = "Jobs", description = "Many leaf photos in one job: a JSONL list of URLs, a multipart of images or a zip "
    + "archive. Follow it, then read every item's diagnosis (with the answers your roles allow) as JSONL or CSV.")
class JobController {

  static final String PATH = "/api/v1/jobs";
  static final String JSONL = "application/jsonl";
  static final String ZIP = "application/zip";
  static final String CSV = "text/csv";
  private static final String KEY = "Idempotency-Key";
  private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,200}");
  private static final String RETRY_AFTER_DOC = "Seconds to wait before retrying";
  private static final String KEY_DOC = "Makes a retry safe: the same key gives the job the first request made "
      + "(200 with its Location), whatever the body (1 to 200 printable ASCII characters)";
  private static final String SUBMIT_DESCRIPTION = "The body is one of: JSONL (`application/x-ndjson` or "
      + "`application/jsonl`), one `{\"customId\": \"...\", \"url\": \"https://...\"}` a line, each URL fetched by "
      + "the API; a multipart of `image` file parts, each named by its file name; a zip archive "
      + "(`application/zip`), each entry named by its path. Every image is vetted like a single upload: a bad one "
      + "is a failed item with its error code, not a failed job. The body is read as a stream and the job is "
      + "`in_progress` once all of it is recorded; a body refused part-way (a duplicate customId, a malformed "
      + "line, a hostile archive, a limit) leaves the job `failed` and publishes nothing. Each item asks for every "
      + "answer your roles allow.";

  private final JobService service;
  private final JsonlItems jsonl;
  private final MultipartItems multipart;
  private final ZipItems zip;
  private final int maxPageSize;
  private final JsonMapper json;

  JobController(JobService service, JsonlItems jsonl, MultipartItems multipart, ZipItems zip, JobProperties props,
      JsonMapper json) {
    this.service = service;
    this.json = json;
    this.jsonl = jsonl;
    this.multipart = multipart;
    this.zip = zip;
    this.maxPageSize = props.maxPageSize();
  }

  @PostMapping(consumes = {MediaType.APPLICATION_NDJSON_VALUE, JSONL})
  @Operation(operationId = "submitJob", summary = "Submit a bulk job", description = SUBMIT_DESCRIPTION,
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
          @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "string",
              description = "One JSON object a line", example = "{\"customId\": \"leaf-1\", \"url\": "
                  + "\"https://example.org/leaf-1.jpg\"}")),
          @Content(mediaType = JSONL, schema = @Schema(type = "string", description = "One JSON object a line")),
          @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
              description = "Any number of `image` file parts")),
          @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary",
              description = "A zip archive of images"))}))
  @ApiResponse(responseCode = "200", description = "The job this `Idempotency-Key` already made",
      headers = @Header(name = "Location", description = "Where to follow the job",
          schema = @Schema(type = "string", format = "uri-reference")))
  @ApiResponse(responseCode = "202", description = "Accepted: every item is recorded; follow it at `Location`",
      headers = @Header(name = "Location", description = "Where to follow the job",
          schema = @Schema(type = "string", format = "uri-reference")))
  @ApiResponse(responseCode = "400", description = "A malformed line, customId, part or archive, a duplicate "
      + "customId, no item, or a bad `Idempotency-Key` (`bad-jsonl`, `bad-custom-id`, `bad-field`, `bad-archive`, "
      + "`duplicate-custom-id`, `empty-job`, `bad-idempotency-key`)")
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "413", description = "The body, the items or the archive's entries or expanded size "
      + "are above the limits (`image-too-large`, `too-many-items`, `archive-too-many-entries`, "
      + "`archive-too-large`)")
  @ApiResponse(responseCode = "415", description = "The body is not JSONL, multipart or zip")
  @ApiResponse(responseCode = "422", description = "A hostile archive: an entry expanding like a zip bomb, an "
      + "archive inside, or a path that is absolute or climbs out (`archive-bomb`, `nested-archive`, "
      + "`bad-entry-path`)")
  @ApiResponse(responseCode = "429", description = "You have as many open jobs as one owner may; retry after "
      + "`Retry-After` seconds (`too-many-open-jobs`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  @ApiResponse(responseCode = "503", description = "The store, queue or realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `queue-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<ResponseEntity<JobView>> submitJsonl(@RequestBody Flux<DataBuffer> body,
      @Parameter(description = KEY_DOC) @RequestHeader(name = KEY, required = false) String key,
      Authentication auth) {
    return submit(auth, key, JobService.Format.JSONL, jsonl.read(body));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "submitJob")
  Mono<ResponseEntity<JobView>> submitMultipart(@RequestBody Flux<PartEvent> body,
      @Parameter(description = KEY_DOC) @RequestHeader(name = KEY, required = false) String key,
      Authentication auth) {
    return submit(auth, key, JobService.Format.MULTIPART, multipart.read(body));
  }

  @PostMapping(consumes = ZIP)
  @Operation(operationId = "submitJob")
  Mono<ResponseEntity<JobView>> submitZip(@RequestBody Flux<DataBuffer> body,
      @Parameter(description = KEY_DOC) @RequestHeader(name = KEY, required = false) String key,
      Authentication auth) {
    return submit(auth, key, JobService.Format.ZIP, zip.read(body));
  }

  private Mono<ResponseEntity<JobView>> submit(Authentication auth, String key, JobService.Format format,
      Flux<RawItem> items) {
    Set<Answer> answers = Roles.answersOf(auth);
    if (answers.isEmpty()) {
      return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          "bulk jobs need at least one of the roles category, health or disease"));
    }
    if (key != null && !KEY_FORMAT.matcher(key).matches()) {
      return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "bad-idempotency-key", "Bad Idempotency-Key",
          "Idempotency-Key must be 1 to 200 printable ASCII characters without spaces"));
    }
    return service.submit(auth.getName(), answers, key, format, items).map(submitted ->
        ResponseEntity.status(submitted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
            .location(URI.create(PATH + "/" + submitted.job().id()))
            .body(JobView.of(submitted.job())));
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getJob", summary = "Read a job", description = "Your job: status, counts, timestamps.")
  @ApiResponse(responseCode = "200", description = "The job")
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "404", description = "No such job of yours; other people's are not revealed "
      + "(`job-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<JobView> get(@Parameter(description = "The job id") @PathVariable String id, Authentication auth) {
    return owned(id, auth).map(JobView::of);
  }

  @GetMapping
  @Operation(operationId = "listJobs", summary = "List your jobs", description = "Newest first, a page at a time.")
  @ApiResponse(responseCode = "200", description = "A page of jobs")
  @ApiResponse(responseCode = "400", description = "A bad page (`bad-field`)")
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<JobPageView> list(
      @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Page size, 1 to the configured maximum (100 by default)")
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    requireRole(auth);
    if (page < 0 || size < 1 || size > maxPageSize) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad page",
          "page must be 0 or more and size 1 to " + maxPageSize);
    }
    return Mono.zip(service.page(auth.getName(), page, size).map(JobView::of).collectList(),
        service.count(auth.getName())).map(both -> new JobPageView(both.getT1(), page, size, both.getT2()));
  }

  @PostMapping("/{id}/cancel")
  @Operation(operationId = "cancelJob", summary = "Cancel a job",
      description = "Its unfinished items are cancelled (the processor skips them), finished ones are kept; the job "
          + "is `cancelling`, then `cancelled` once no item is in flight. A finished job is returned unchanged.")
  @ApiResponse(responseCode = "200", description = "The job after the cancel")
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "404", description = "No such job of yours (`job-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store, queue or realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `queue-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<JobView> cancel(@Parameter(description = "The job id") @PathVariable String id, Authentication auth) {
    requireRole(auth);
    return service.cancel(id, auth.getName()).map(JobView::of).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  @GetMapping(path = "/{id}/results", produces = {MediaType.APPLICATION_NDJSON_VALUE, CSV})
  @Operation(operationId = "getJobResults", summary = "Read a job's results",
      description = "One line per item in the order they were sent, matched to yours by `customId`: JSONL by "
          + "default, CSV (with a header line) with `Accept: text/csv`. Each diagnosis shows the answers your "
          + "roles allow; failed items carry their error code. Streamed: readable while the job runs.")
  @ApiResponse(responseCode = "200", description = "The results", content = {
      @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(implementation =
          JobResultLine.class)),
      @Content(mediaType = CSV, schema = @Schema(type = "string"))})
  @ApiResponse(responseCode = "403", description = "None of the roles `category`, `health` or `disease`")
  @ApiResponse(responseCode = "404", description = "No such job of yours (`job-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<ResponseEntity<Flux<DataBuffer>>> results(@Parameter(description = "The job id") @PathVariable String id,
      @RequestHeader(name = "Accept", required = false) String accept, Authentication auth) {
    Set<Answer> visible = Roles.answersOf(auth);
    boolean csv = accept != null && MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType(CSV)) && !type.isWildcardType());
    return owned(id, auth).map(job -> {
      Flux<JobResultLine> lines = service.items(job.id()).map(item -> JobResultLine.of(item, job.owner(), visible));
      // Written as text here, a line at a time: one body type for both formats, and no codec choosing by type.
      Flux<String> text = csv ? Flux.concat(Flux.just(JobResultLine.csvHeader()), lines.map(JobResultLine::csv))
          : lines.map(line -> json.writeValueAsString(line) + "\n");
      return ResponseEntity.ok()
          .contentType(csv ? MediaType.parseMediaType(CSV + ";charset=UTF-8") : MediaType.APPLICATION_NDJSON)
          .body(text.map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(
              chunk.getBytes(StandardCharsets.UTF_8))));
    });
  }

  private Mono<JobDocument> owned(String id, Authentication auth) {
    requireRole(auth);
    // Same answer for unknown ids and other people's: the existence of someone else's job is not leaked.
    return service.find(id, auth.getName()).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  private static void requireRole(Authentication auth) {
    if (Roles.answersOf(auth).isEmpty()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          "bulk jobs need at least one of the roles category, health or disease");
    }
  }

  private static ApiProblem notFound(String id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "job-not-found", "Job not found", "no job " + id + " for you");
  }
}
