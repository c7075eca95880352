package io.plantspy.trainerservice.registry;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.store.GridFsReleaseStore;
import io.plantspy.model.store.ReleaseAnnouncements;
import io.plantspy.model.store.ReleaseLocation;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Stores release folders in GridFS and announces a stored release as {@code champion} on the releases topic (the
 * record every stream processor follows), waiting for the broker's acknowledgement. Before announcing, the archive
 * is fetched back and checked against its sha256, so a release whose archive is gone or damaged is never announced.
 */
@Component
public class ReleaseAnnouncer {

  private final GridFsReleaseStore store;
  private final Producer<String, ModelRelease> producer;
  private final String topic;
  private final RegistryProperties props;
  private final Clock clock;

  ReleaseAnnouncer(com.mongodb.client.MongoDatabase database, Producer<String, ModelRelease> releaseProducer,
      Topics topics, RegistryProperties props, Clock clock) {
    this.store = new GridFsReleaseStore(database, props.bucket());
    this.producer = releaseProducer;
    this.topic = topics.modelReleases().name();
    this.props = props;
    this.clock = clock;
  }

  public ReleaseLocation store(Path releaseDir) throws IOException {
    return store.put(releaseDir);
  }

  /** The release folder of a stored archive, fetched into the local cache (checked against its sha256). */
  public Path fetch(ReleaseLocation location) throws IOException {
    return store.fetch(location, props.cacheDir());
  }

  /** Announces the stored release at {@code location} as the champion. */
  public ModelRelease announceChampion(ReleaseLocation location) throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(fetch(location));
    ModelRelease announcement = ReleaseAnnouncements.describe(manifest, location, true, clock.instant());
    try {
      producer.send(new ProducerRecord<>(topic, ReleaseAnnouncements.CHAMPION, announcement)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while announcing release " + manifest.id(), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot announce release " + manifest.id() + " on " + topic + ": "
          + e.getCause().getMessage(), e.getCause());
    }
    return announcement;
  }
}
