package io.plantspy.ingest.lab;

import io.plantspy.ingest.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The lab API (realm role {@code lab}, enforced by SecurityConfig for {@code /api/v1/lab/**}): upload labelled
 * photos for training, list them, see the per-class counts, withdraw a mistaken one.
 */
@RestController
@RequestMapping(LabController.PATH)
@Tag(name = "Lab", description = "Labelled photos from plant-disease laboratories (realm role `lab`) for the next "
    + "training run")
class LabController {

  static final String PATH = "/api/v1/lab";
  static final String SAMPLES = PATH + "/samples";
  private static final String RETRY_AFTER_DOC = "Seconds to wait before retrying";

  private final LabUploadReader reader;
  private final LabSampleService service;
  private final ClassCatalog catalog;
  private final int maxPageSize;

  LabController(LabUploadReader reader, LabSampleService service, ClassCatalog catalog, LabProperties props) {
    this.reader = reader;
    this.service = service;
    this.catalog = catalog;
    this.maxPageSize = props.maxPageSize();
  }

  @PostMapping(path = "/samples", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(operationId = "uploadLabSamples", summary = "Upload labelled leaf photos",
      description = "One or more `image` parts, all of the class `label`, with optional metadata. Every image is "
          + "vetted like a diagnosis upload; if one is refused, nothing of the upload is stored. An image whose "
          + "bytes already are a sample is reported as a duplicate and not stored or counted again, so a failed "
          + "upload can be sent again as it was.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = LabUploadForm.class),
          encoding = @Encoding(name = "image", contentType = "image/jpeg, image/png, image/webp"))))
  @ApiResponse(responseCode = "201", description = "Stored; the new samples, the duplicates and the counts")
  @ApiResponse(responseCode = "400", description = "A missing or malformed label, a bad or unknown field, no "
      + "image, or an empty or corrupt image (`bad-label`, `bad-field`, `empty-image`, `corrupt-image`); an image "
      + "problem names its part (`part`, `filename`)")
  @ApiResponse(responseCode = "403", description = "No realm role `lab`")
  @ApiResponse(responseCode = "408", description = "The request body stopped arriving (`request-timeout`)")
  @ApiResponse(responseCode = "409", description = "The same image is being stored by another upload right now; "
      + "retry (`lab-sample-in-progress`)")
  @ApiResponse(responseCode = "413", description = "The upload, an image, or an image's width, height or pixel "
      + "count is above the limit (`image-too-large`, `image-dimensions-too-large`)")
  @ApiResponse(responseCode = "415", description = "The request is not multipart, or an image is not JPEG, PNG or "
      + "WebP (`unsupported-image-format`)")
  @ApiResponse(responseCode = "429", description = "You have as many uploads in flight as one caller may; retry "
      + "after `Retry-After` seconds (`too-many-requests`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  @ApiResponse(responseCode = "503", description = "This instance is at its limit, or the store, queue or realm is "
      + "unreachable; retry after `Retry-After` seconds (`busy`, `store-unavailable`, `queue-unavailable`, "
      + "`auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<ResponseEntity<LabUploadView>> upload(@RequestBody Mono<MultiValueMap<String, Part>> form,
      Authentication auth) {
    return form.onErrorMap(LabController::tooLarge, e -> new ApiProblem(HttpStatus.CONTENT_TOO_LARGE,
            "image-too-large", "Image too large", "a part of the upload is larger than the accepted image size", e))
        .flatMap(reader::read)
        .flatMap(upload -> service.accept(upload, auth.getName())
            .map(accepted -> ResponseEntity.status(HttpStatus.CREATED).body(LabUploadView.of(upload.label(),
                accepted))));
  }

  @GetMapping("/samples")
  @Operation(operationId = "listLabSamples", summary = "List lab samples",
      description = "Samples not withdrawn, of every lab, newest first, a page at a time.")
  @ApiResponse(responseCode = "200", description = "A page of samples")
  @ApiResponse(responseCode = "400", description = "A malformed label, `since` or page (`bad-label`, `bad-field`)")
  @ApiResponse(responseCode = "403", description = "No realm role `lab`")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<LabSamplePageView> list(
      @Parameter(description = "Only samples of this class") @RequestParam(required = false) String label,
      @Parameter(description = "Only samples uploaded at or after this ISO-8601 date-time, e.g. "
          + "`2026-11-20T00:00:00Z`") @RequestParam(required = false) String since,
      @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Page size, 1 to the configured maximum (100 by default)")
      @RequestParam(defaultValue = "20") int size) {
    String onlyLabel = label == null || label.isEmpty() ? null : LabLabel.require(label);
    Instant from = since(since);
    if (page < 0 || size < 1 || size > maxPageSize) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad page",
          "page must be 0 or more and size 1 to " + maxPageSize);
    }
    return service.page(onlyLabel, from, page, size).map(result -> new LabSamplePageView(
        result.items().stream().map(LabSampleView::of).toList(), page, size, result.total()));
  }

  @GetMapping("/samples/{id}")
  @Operation(operationId = "getLabSample", summary = "Read a lab sample",
      description = "A sample, live or withdrawn.")
  @ApiResponse(responseCode = "200", description = "The sample")
  @ApiResponse(responseCode = "403", description = "No realm role `lab`")
  @ApiResponse(responseCode = "404", description = "No such sample (`lab-sample-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<LabSampleView> get(@Parameter(description = "The sample id") @PathVariable String id) {
    return service.find(id).map(LabSampleView::of)
        .switchIfEmpty(Mono.error(() -> LabSampleService.notFound(id)));
  }

  @DeleteMapping("/samples/{id}")
  @Operation(operationId = "withdrawLabSample", summary = "Withdraw a lab sample",
      description = "Takes a mistaken sample of yours out of the counts and of the next training run (a "
          + "tombstone on the lab-samples topic). Withdrawing it again changes nothing.")
  @ApiResponse(responseCode = "200", description = "The sample, now withdrawn")
  @ApiResponse(responseCode = "403", description = "No realm role `lab`, or another user uploaded the sample "
      + "(`not-your-sample`)")
  @ApiResponse(responseCode = "404", description = "No such sample (`lab-sample-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store, queue or realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `queue-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<LabSampleView> withdraw(@Parameter(description = "The sample id") @PathVariable String id,
      Authentication auth) {
    return service.withdraw(id, auth.getName()).map(LabSampleView::of);
  }

  @GetMapping("/classes")
  @Operation(operationId = "listLabClasses", summary = "Per-class counts",
      description = "Every class the champion release, the base dataset or a lab has: lab samples (not "
          + "withdrawn), photos in the base dataset, and whether the champion knows the class.")
  @ApiResponse(responseCode = "200", description = "The classes")
  @ApiResponse(responseCode = "403", description = "No realm role `lab`")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<LabClassesView> classes() {
    return Mono.zip(catalog.known(), service.counts()).map(both -> LabClassesView.of(both.getT1(), both.getT2()));
  }

  /** The multipart reader refusing a part above the image cap, which Spring reports without the API's slug. */
  private static boolean tooLarge(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataBufferLimitException
          || t instanceof ErrorResponse response && response.getStatusCode().value() == 413) {
        return true;
      }
    }
    return false;
  }

  private static Instant since(String since) {
    if (since == null || since.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(since).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad since",
          "since '" + since + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-20T00:00:00Z");
    }
  }
}
