package io.plantspy.ingest.history;

import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ThumbnailRequest;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The thumbnail of an interactive diagnosis. The API asks for it in the request ({@link #request()}), the stream
 * processor makes it from the image it decodes for the model and returns it with the result, and the result
 * listener keeps it ({@link #keepAll}). So the photo is decoded once, by the processor, rather than once more here.
 * A thumbnail that cannot be made or stored is logged and skipped: it never fails the diagnosis.
 */
@Service
public class Thumbnails {

  private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

  private final ThumbnailStore store;
  private final ThumbnailRequest request;

  public Thumbnails(ThumbnailStore store, ThumbnailProperties props) {
    this.store = store;
    this.request = props.enabled() ? new ThumbnailRequest(props.maxSide(), props.quality()) : null;
  }

  /** What an interactive request asks the processor for; null when thumbnails are disabled. */
  public ThumbnailRequest request() {
    return request;
  }

  /** Keeps the thumbnails these results carry, one bulk write; a failure is logged, never passed on. */
  public Mono<Void> keepAll(List<DiagnosisResult> results) {
    List<ThumbnailDocument> thumbnails = results.stream().filter(r -> r.getThumbnail() != null)
        .map(r -> new ThumbnailDocument(r.getId(), r.getOwner(), r.getCompletedAt(), bytes(r.getThumbnail())))
        .toList();
    return store.saveAll(thumbnails).onErrorResume(e -> {
      log.warn("Could not store {} thumbnails: {}", thumbnails.size(), e.toString());
      return Mono.empty();
    });
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
