package io.plantspy.processor.releases;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.inference.HotSwapClassifier;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release this processor serves, from startup to shutdown: the release announced when it starts (else the
 * committed one), then every release announced later. Owns the hot-swappable classifier and the follower, and
 * stops the follower before it closes the classifier.
 */
public final class ServedRelease implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServedRelease.class);

  private final HotSwapClassifier classifier;
  private final ChampionFollower follower;

  private ServedRelease(HotSwapClassifier classifier, ChampionFollower follower) {
    this.classifier = classifier;
    this.follower = follower;
  }

  /** Serves the committed release ({@code modelsDir} or {@code releaseDir}) and follows no announcement. */
  public static ServedRelease committed(ProcessorProperties properties) throws IOException {
    return new ServedRelease(new HotSwapClassifier(ReleaseClassifier.load(properties)), null);
  }

  /**
   * Serves the release announced under the alias if there is one and it loads, else the committed release; then
   * follows the announcements in the background. Takes ownership of {@code follower}.
   */
  public static ServedRelease following(ProcessorProperties properties, ChampionFollower follower,
      ReleaseLoader loader, MeterRegistry registry) throws IOException {
    try {
      ServableClassifier first = null;
      Optional<ModelRelease> announced = follower.catchUp(properties.releases().catchUpTimeout());
      if (announced.isPresent()) {
        try {
          first = loader.load(announced.get());
        } catch (IOException | RuntimeException e) {
          log.error("Cannot serve the announced model release {} from {}: serving the committed release",
              announced.get().getId(), announced.get().getLocation(), e);
        }
      }
      HotSwapClassifier classifier = new HotSwapClassifier(first != null ? first : ReleaseClassifier.load(properties));
      follower.follow(new ChampionSwapper(classifier, loader, registry)::serve);
      return new ServedRelease(classifier, follower);
    } catch (IOException | RuntimeException e) {
      follower.close();
      throw e;
    }
  }

  public HotSwapClassifier classifier() {
    return classifier;
  }

  @Override
  public void close() {
    try {
      if (follower != null) {
        follower.close();
      }
    } finally {
      classifier.close();
    }
  }
}
