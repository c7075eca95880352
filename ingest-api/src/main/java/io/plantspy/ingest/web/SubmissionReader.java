package io.plantspy.ingest.web;

import io.plantspy.ingest.diagnosis.Submission;
import io.plantspy.ingest.fetch.ImageFetcher;
import io.plantspy.ingest.image.ImageProperties;
import io.plantspy.ingest.image.ImageVetter;
import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.model.image.ImageInfo;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.RequestSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns an uploaded part or a URL into a vetted {@link Submission}; every refusal is a problem, never a 500. */
@Component
class SubmissionReader {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final ImageVetter vetter;
  private final ImageFetcher fetcher;
  private final int maxBytes;

  SubmissionReader(ImageVetter vetter, ImageFetcher fetcher, ImageProperties props) {
    this.vetter = vetter;
    this.fetcher = fetcher;
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, props.maxSize().toBytes());
  }

  /** {@code callbackUrl} is already vetted (or null); it is part of what an Idempotency-Key is bound to. */
  Mono<Submission> fromUpload(Part part, String owner, Set<Answer> answers, String key, String callbackUrl) {
    checkKey(key);
    // join() stops with DataBufferLimitException (413) as soon as the cap is passed, before buffering more.
    return DataBufferUtils.join(part.content(), maxBytes)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .map(bytes -> {
          ImageInfo info = vetter.vet(bytes);
          Map<String, String> metadata = new HashMap<>();
          if (part instanceof FilePart file && file.filename() != null && !file.filename().isBlank()) {
            metadata.put("filename", file.filename());
          }
          String hash = Hashes.sha256("upload:" + answers + callbackPart(callbackUrl), bytes);
          return new Submission(owner, answers, RequestSource.UPLOAD, bytes, info, metadata, key, hash, callbackUrl);
        });
  }

  Mono<Submission> fromUrl(UrlSubmission body, String owner, Set<Answer> answers, String key, String callbackUrl) {
    checkKey(key);
    String url = body == null ? null : body.url();
    return fetcher.fetch(url).map(fetched -> {
      ImageInfo info = vetter.vet(fetched.bytes());
      Map<String, String> metadata = Map.of("url", url, "finalUrl", fetched.finalUrl());
      String hash = Hashes.sha256("url:" + answers + callbackPart(callbackUrl),
          url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new Submission(owner, answers, RequestSource.URL, fetched.bytes(), info, metadata, key, hash,
          callbackUrl);
    });
  }

  /** Before every existing hash was computed there was no callback: without one the hash stays as it was. */
  private static String callbackPart(String callbackUrl) {
    return callbackUrl == null ? "" : " callback:" + callbackUrl;
  }

  private static void checkKey(String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-idempotency-key", "Bad Idempotency-Key",
          "Idempotency-Key must be 1 to 200 printable ASCII characters without spaces");
    }
  }
}
