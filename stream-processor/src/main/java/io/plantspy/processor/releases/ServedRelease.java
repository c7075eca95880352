package io.plantspy.processor.releases;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.model.store.GridFsReleaseStore;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.inference.HotSwapClassifier;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.inference.ServableClassifier;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.Topics;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release this processor serves, from startup to shutdown: the release announced when it starts (else the
 * committed one), then every release announced later. Owns the hot-swappable classifier and the follower, and
 * stops the follower before it closes the classifier.
 */
public final class ServedRelease implements AutoCloseable {

  /**
   * 1 while this processor serves the release last announced as champion, else 0: none announced (or not
   * followed), or the announced one was refused and an older one serves. Alerted on (infra/observability).
   */
  public static final String CHAMPION_SERVED = "plantspy.processor.release.champion";

  private static final Logger log = LoggerFactory.getLogger(ServedRelease.class);

  private final HotSwapClassifier classifier;
  private final ChampionFollower follower;
  // The id of the release last announced as champion; null until one is.
  private final AtomicReference<String> champion;

  private ServedRelease(HotSwapClassifier classifier, ChampionFollower follower, AtomicReference<String> champion) {
    this.classifier = classifier;
    this.follower = follower;
    this.champion = champion;
  }

  /**
   * What the processor serves: with {@code releases.follow} and a MongoDB client (release archives live in
   * GridFS), the announced release and its successors; otherwise the committed release only.
   *
   * @param mongo the client of {@code plantspy.processor.gridfs}, or null when none is configured
   */
  public static ServedRelease start(ProcessorProperties properties, MongoClient mongo, SchemaCatalog schemas,
      MeterRegistry registry) throws IOException {
    if (!properties.releases().follow()) {
      return committed(properties).measuredBy(registry);
    }
    if (mongo == null) {
      log.warn("Release announcements are not followed: release archives are stored in GridFS and "
          + "plantspy.processor.gridfs.uri is not set. Serving the committed release only.");
      return committed(properties).measuredBy(registry);
    }
    GridFsReleaseLoader loader = new GridFsReleaseLoader(
        new GridFsReleaseStore(mongo.getDatabase(properties.gridfs().database()), GridFsReleaseStore.DEFAULT_BUCKET),
        properties.releases().cacheFolder(), properties.inference());
    ChampionFollower follower = ChampionFollower.connect(properties,
        Topics.from(properties.topicNames(), schemas).modelReleases().valueSerde().deserializer(), registry);
    return following(properties, follower, loader, registry).measuredBy(registry);
  }

  /** Serves the committed release ({@code modelsDir} or {@code releaseDir}) and follows no announcement. */
  public static ServedRelease committed(ProcessorProperties properties) throws IOException {
    return new ServedRelease(new HotSwapClassifier(ReleaseClassifier.load(properties)), null,
        new AtomicReference<>());
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
      AtomicReference<String> champion = new AtomicReference<>(announced.map(ModelRelease::getId).orElse(null));
      if (announced.isPresent()) {
        try {
          first = loader.load(announced.get());
        } catch (IOException | RuntimeException e) {
          log.error("Cannot serve the announced model release {} from {}: serving the committed release",
              announced.get().getId(), announced.get().getLocation(), e);
        }
      }
      HotSwapClassifier classifier = new HotSwapClassifier(first != null ? first : ReleaseClassifier.load(properties));
      ChampionSwapper swapper = new ChampionSwapper(classifier, loader, registry);
      follower.follow(release -> {
        champion.set(release.getId());
        swapper.serve(release);
      });
      return new ServedRelease(classifier, follower, champion);
    } catch (IOException | RuntimeException e) {
      follower.close();
      throw e;
    }
  }

  public HotSwapClassifier classifier() {
    return classifier;
  }

  /** Whether the release serving now is the one last announced as champion (false if none was). */
  public boolean servesChampion() {
    String id = champion.get();
    try {
      return id != null && id.equals(classifier.releaseId());
    } catch (IllegalStateException closed) {
      return false; // scraped while shutting down
    }
  }

  /** Registers the {@link #CHAMPION_SERVED} gauge; returns this. */
  private ServedRelease measuredBy(MeterRegistry registry) {
    Gauge.builder(CHAMPION_SERVED, this, served -> served.servesChampion() ? 1 : 0)
        .description("1 while the release last announced as champion is served, else 0").register(registry);
    return this;
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
