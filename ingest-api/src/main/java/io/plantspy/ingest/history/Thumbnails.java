package io.plantspy.ingest.history;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the thumbnail of an interactive diagnosis. Only the interactive path calls it (bulk job items never do), and
 * a thumbnail that cannot be made or stored is logged and skipped: it never fails or delays the diagnosis beyond
 * the one write.
 */
@Service
public class Thumbnails {

  private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

  private final Thumbnailer thumbnailer;
  private final ThumbnailStore store;
  private final boolean enabled;

  public Thumbnails(Thumbnailer thumbnailer, ThumbnailStore store, ThumbnailProperties props) {
    this.thumbnailer = thumbnailer;
    this.store = store;
    this.enabled = props.enabled();
  }

  /** The JPEG thumbnail of a vetted image, made off the event loop; empty when disabled or it cannot be made. */
  public Mono<byte[]> make(String diagnosisId, byte[] image) {
    if (!enabled) {
      return Mono.empty();
    }
    // Decoding is CPU work of a few milliseconds: not on the Netty event loop.
    return Mono.fromCallable(() -> thumbnailer.thumbnail(image))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorResume(e -> {
          log.warn("No thumbnail for diagnosis {}: {}", diagnosisId, e.toString());
          return Mono.empty();
        });
  }

  /** Stores a thumbnail made by {@link #make}; a failure is logged, never passed on. */
  public Mono<Void> keep(String diagnosisId, String owner, Instant createdAt, byte[] jpeg) {
    return store.save(new ThumbnailDocument(diagnosisId, owner, createdAt, jpeg)).onErrorResume(e -> {
      log.warn("Could not store the thumbnail of diagnosis {}: {}", diagnosisId, e.toString());
      return Mono.empty();
    });
  }
}
