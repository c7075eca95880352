package io.plantspy.model.store;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Makes a release folder the one processors serve under an alias: stores its archive, then announces it on the
 * releases topic and waits for the broker's acknowledgement. The trainer's promotion and the CLI use this.
 */
public final class ReleasePublisher {

  private final GridFsReleaseStore store;
  private final Producer<String, ModelRelease> producer;
  private final String topic;
  private final Clock clock;

  public ReleasePublisher(GridFsReleaseStore store, Producer<String, ModelRelease> producer, String topic,
      Clock clock) {
    this.store = store;
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
  }

  /** Stores {@code releaseDir} and announces it under {@code alias}; the answer is the record announced. */
  public ModelRelease publish(Path releaseDir, String alias) throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    ReleaseLocation location = store.put(releaseDir);
    ModelRelease announcement = ReleaseAnnouncements.describe(manifest, location, true, clock.instant());
    try {
      producer.send(new ProducerRecord<>(topic, alias, announcement)).get();
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
