package io.plantspy.processor.releases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plantspy.processor.inference.HotSwapClassifier;
import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves each newly announced release: loads it (off the stream threads: on the caller's, the follower's) and
 * swaps it in. A release that cannot be fetched, fails its sha256 check or cannot be loaded is refused and logged,
 * and the release serving before keeps serving.
 */
public final class ChampionSwapper {

  public static final String SWAPS = "plantspy.processor.release.swaps";
  public static final String REFUSED = "plantspy.processor.release.refused";
  /** From the announcement (its {@code createdAt}, the publisher's clock) until this instance serves the release. */
  public static final String SWAP_DELAY = "plantspy.processor.release.swap.delay";

  private static final Logger log = LoggerFactory.getLogger(ChampionSwapper.class);

  private final HotSwapClassifier classifier;
  private final ReleaseLoader loader;
  private final Counter swaps;
  private final Counter refused;
  private final Timer swapDelay;

  public ChampionSwapper(HotSwapClassifier classifier, ReleaseLoader loader, MeterRegistry registry) {
    this.classifier = classifier;
    this.loader = loader;
    swaps = Counter.builder(SWAPS).description("Announced releases swapped in").register(registry);
    refused = Counter.builder(REFUSED).description("Announced releases refused (fetch, sha256 or load failed)")
        .register(registry);
    swapDelay = Timer.builder(SWAP_DELAY)
        .description("From a release's announcement until this instance serves it: fetch, sha256 check, load, swap")
        .register(registry);
  }

  /** Serves {@code announcement}'s release unless it is the one serving; true if it serves now. */
  public boolean serve(ModelRelease announcement) {
    if (announcement.getId().equals(classifier.releaseId())) {
      return true;
    }
    ServableClassifier next;
    try {
      next = loader.load(announcement);
    } catch (IOException | RuntimeException e) {
      refused.increment();
      log.error("Refused model release {} from {}; still serving {}: {}", announcement.getId(),
          announcement.getLocation(), classifier.releaseId(), e.getMessage(), e);
      return false;
    }
    classifier.swap(next);
    swaps.increment();
    Duration delay = Duration.between(announcement.getCreatedAt(), Instant.now());
    // A clock behind the publisher's would make it negative: nothing to learn from it.
    if (!delay.isNegative()) {
      swapDelay.record(delay);
    }
    log.info("Serving model release {}, {} ms after its announcement", announcement.getId(), delay.toMillis());
    return true;
  }
}
