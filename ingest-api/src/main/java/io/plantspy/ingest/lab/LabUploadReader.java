package io.plantspy.ingest.lab;

import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.image.ImageVetter;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.model.image.ImageInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns the multipart form of a lab upload into a {@link LabUpload}: every field checked, every {@code image} part
 * read up to the image cap and vetted exactly as a diagnosis upload is. The first refusal is a problem naming the
 * field or the image part (its position and file name), and nothing of the upload is stored.
 */
@Component
class LabUploadReader {

  static final String IMAGE = "image";
  static final String LABEL = "label";
  static final String LAB_ID = "labId";
  static final String SAMPLE_REF = "sampleRef";
  static final String CAPTURED_AT = "capturedAt";
  static final String NOTES = "notes";
  static final int REF_MAX_LENGTH = 100;

  private static final Set<String> FIELDS = Set.of(IMAGE, LABEL, LAB_ID, SAMPLE_REF, CAPTURED_AT, NOTES);
  /** Printable, no control characters: identifiers end up in logs, CSVs and file names of the trainer. */
  private static final Pattern REF = Pattern.compile("[\\p{L}\\p{N} ._:/#()\\-]{1," + REF_MAX_LENGTH + "}");

  private final ImageVetter vetter;
  private final int maxImageBytes;
  private final int notesMaxLength;

  LabUploadReader(ImageVetter vetter, ImageProperties images, LabProperties props) {
    this.vetter = vetter;
    this.maxImageBytes = (int) Math.min(Integer.MAX_VALUE - 8, images.maxSize().toBytes());
    this.notesMaxLength = props.notesMaxLength();
  }

  Mono<LabUpload> read(MultiValueMap<String, Part> form) {
    return Mono.defer(() -> {
      Set<String> unknown = new TreeSet<>(form.keySet());
      unknown.removeAll(FIELDS);
      if (!unknown.isEmpty()) {
        throw badField("unknown form fields " + unknown + "; the fields are " + new TreeSet<>(FIELDS));
      }
      String label = LabLabel.require(field(form, LABEL));
      String labId = reference(form, LAB_ID);
      String sampleRef = reference(form, SAMPLE_REF);
      Instant capturedAt = capturedAt(field(form, CAPTURED_AT));
      String notes = notes(field(form, NOTES));
      List<Part> parts = form.getOrDefault(IMAGE, List.of());
      if (parts.isEmpty()) {
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-image", "No image",
            "the upload has no image part: send one or more parts named image");
      }
      List<IndexedPart> indexed = new ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        indexed.add(new IndexedPart(i + 1, parts.get(i)));
      }
      // One at a time: a refused part stops the reading before the next is buffered.
      return Flux.fromIterable(indexed).concatMap(this::image).collectList()
          .map(images -> new LabUpload(label, labId, sampleRef, capturedAt, notes, images));
    });
  }

  private record IndexedPart(int index, Part part) {}

  private Mono<LabUpload.Image> image(IndexedPart indexed) {
    Part part = indexed.part();
    String filename = part instanceof FilePart file && !file.filename().isBlank() ? file.filename() : null;
    String name = "image part " + indexed.index() + (filename == null ? "" : " (" + filename + ")");
    return DataBufferUtils.join(part.content(), maxImageBytes)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(DataBufferLimitException.class, e -> new ApiProblem(HttpStatus.CONTENT_TOO_LARGE,
            "image-too-large", "Image too large", "the image is larger than " + maxImageBytes + " bytes", e))
        .map(bytes -> {
          ImageInfo info = vetter.vet(bytes);
          return new LabUpload.Image(indexed.index(), filename, bytes, info.format().mediaType(), sha256(bytes));
        })
        .onErrorMap(ApiProblem.class, problem -> naming(problem, name, indexed.index(), filename));
  }

  /** The same problem, its detail prefixed with the part it is about and the part in its properties. */
  private static ApiProblem naming(ApiProblem problem, String name, int index, String filename) {
    ProblemDetail body = problem.getBody();
    body.setDetail(name + ": " + body.getDetail());
    body.setProperty("part", index);
    if (filename != null) {
      body.setProperty("filename", filename);
    }
    return problem;
  }

  private static String field(MultiValueMap<String, Part> form, String name) {
    List<Part> parts = form.getOrDefault(name, List.of());
    if (parts.isEmpty()) {
      return null;
    }
    if (parts.size() > 1 || !(parts.get(0) instanceof FormFieldPart field)) {
      throw badField("the field " + name + " must be given once, as a plain form field");
    }
    return field.value().isEmpty() ? null : field.value();
  }

  private static String reference(MultiValueMap<String, Part> form, String name) {
    String value = field(form, name);
    if (value != null && !REF.matcher(value).matches()) {
      throw badField("the field " + name + " must be 1 to " + REF_MAX_LENGTH
          + " letters, digits, spaces or . _ : / # ( ) -");
    }
    return value;
  }

  private static Instant capturedAt(String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw badField("capturedAt '" + value + "' is not an ISO-8601 date-time with offset, e.g. "
          + "2026-11-20T09:30:00Z");
    }
  }

  private String notes(String value) {
    if (value != null && value.length() > notesMaxLength) {
      throw badField("notes has " + value.length() + " characters, at most " + notesMaxLength + " are kept");
    }
    return value;
  }

  private static ApiProblem badField(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad form field", detail);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
