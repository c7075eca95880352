package io.plantspy.ingest.history;

import io.plantspy.ingest.mongo.DiagnosisDocument;
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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's diagnosis history: their diagnoses a page at a time, filtered by class, source and date, and the
 * thumbnail kept for each interactive one. Nobody sees anyone else's.
 */
@RestController
@RequestMapping(HistoryController.PATH)
@Tag(name = "Diagnoses")
class HistoryController {

  static final String PATH = "/api/v1/diagnoses";
  private static final String RETRY_AFTER_DOC = "Seconds to wait before retrying";

  private final HistoryStore store;
  private final ThumbnailStore thumbnails;
  private final int maxPageSize;

  HistoryController(HistoryStore store, ThumbnailStore thumbnails, HistoryProperties props) {
    this.store = store;
    this.thumbnails = thumbnails;
    this.maxPageSize = props.maxPageSize();
  }

  @GetMapping
  @Operation(operationId = "listDiagnoses", summary = "List your diagnoses",
      description = "Your own diagnoses of uploads and URLs (bulk job items are read through their job, feed "
          + "frames through their device), newest first, a page at a time (`page` from 0: offset paging, `total` counts every match), with "
          + "the answers your roles allow. Filters combine: `class` is a crop such as `Tomato` (needs the role "
          + "`category`) or a class such as `Tomato___Early_blight` (needs `disease`); `from` and `to` are dates "
          + "(whole UTC days, both included) or instants (`from` included, `to` excluded).")
  @ApiResponse(responseCode = "200", description = "A page of your diagnoses")
  @ApiResponse(responseCode = "400", description = "A bad page, size, class, source or date (`bad-field`)")
  @ApiResponse(responseCode = "403", description = "Filtering by a class your roles do not show (`forbidden`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<DiagnosisPageView> list(
      @Parameter(description = "A crop (`Tomato`) or a Crop___Disease class (`Tomato___Early_blight`)")
      @RequestParam(name = "class", required = false) String className,
      @Parameter(description = "From this date (`2026-11-01`) or instant, included")
      @RequestParam(required = false) String from,
      @Parameter(description = "To this date, included, or this instant, excluded")
      @RequestParam(required = false) String to,
      @Parameter(description = "How the photo came", schema = @Schema(allowableValues = {"upload", "url"}))
      @RequestParam(required = false) String source,
      @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Page size, 1 to the configured maximum (100 by default)")
      @RequestParam(defaultValue = "20") int size, Authentication auth) {
    if (page < 0 || size < 1 || size > maxPageSize) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad page",
          "page must be 0 or more and size 1 to " + maxPageSize);
    }
    Set<Answer> visible = Roles.answersOf(auth);
    HistoryFilter filter = HistoryFilter.parse(className, source, from, to, visible);
    String owner = auth.getName();
    Mono<List<DiagnosisSummaryView>> items = store.page(owner, filter, page, size).collectList()
        .flatMap(docs -> store.withThumbnail(owner, docs.stream().map(DiagnosisDocument::id).toList())
            .map(kept -> docs.stream()
                .map(doc -> DiagnosisSummaryView.of(doc, visible, kept.contains(doc.id()))).toList()));
    return Mono.zip(items, store.count(owner, filter))
        .map(both -> new DiagnosisPageView(both.getT1(), page, size, both.getT2()));
  }

  @GetMapping(path = "/{id}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
  @Operation(operationId = "getDiagnosisThumbnail", summary = "Read a diagnosis' thumbnail",
      description = "A small JPEG of the photo (longest side 160 pixels by default), kept for uploads and URLs, "
          + "never for bulk job items; kept as long as the diagnosis.")
  @ApiResponse(responseCode = "200", description = "The thumbnail",
      content = @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string",
          format = "binary")))
  @ApiResponse(responseCode = "404", description = "No thumbnail of a diagnosis of yours: unknown, someone "
      + "else's, or none was kept (`thumbnail-not-found`)")
  @ApiResponse(responseCode = "503", description = "The store or the realm is unreachable; retry after "
      + "`Retry-After` seconds (`store-unavailable`, `auth-unavailable`)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER_DOC, schema = @Schema(type = "integer")))
  Mono<ResponseEntity<byte[]>> thumbnail(@Parameter(description = "The diagnosis id") @PathVariable String id,
      Authentication auth) {
    return thumbnails.findOwned(id, auth.getName())
        // A thumbnail never changes: the browser may keep it (privately, it is the owner's photo).
        .map(t -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
            .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate()).body(t.jpeg()))
        .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "thumbnail-not-found",
            "Thumbnail not found", "no thumbnail of a diagnosis " + id + " of yours")));
  }
}
