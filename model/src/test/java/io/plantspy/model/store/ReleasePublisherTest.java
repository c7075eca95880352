package io.plantspy.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.release.Thresholds;
import io.plantspy.schemas.ModelRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasePublisherTest {

  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
  private static final String TOPIC = "plantspy.model.releases";

  @TempDir
  Path temp;

  private MongoServer server;
  private MongoClient client;
  private GridFsReleaseStore store;

  @BeforeEach
  void startMongo() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    store = new GridFsReleaseStore(client.getDatabase("plantspy"), GridFsReleaseStore.DEFAULT_BUCKET);
  }

  @AfterEach
  void stopMongo() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void announcesTheStoredArchiveUnderTheAliasWithWhatTheReleaseSays() throws IOException {
    MockProducer<String, ModelRelease> producer = producer(true);
    Path release = release("r7");

    ModelRelease announced = publisher(producer).publish(release, ReleaseAnnouncements.CHAMPION);

    assertThat(producer.history()).hasSize(1);
    ProducerRecord<String, ModelRelease> record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo(TOPIC);
    assertThat(record.key()).isEqualTo("champion");
    assertThat(record.value()).isEqualTo(announced);
    assertThat(announced.getId()).isEqualTo("r7");
    assertThat(announced.getPromoted()).isTrue();
    assertThat(announced.getLabels()).containsExactly("Apple___healthy", "Apple___Black_rot");
    assertThat(announced.getMetrics()).containsEntry("top1", 0.9);
    assertThat(announced.getCreatedAt()).isEqualTo(NOW);
    // The location leads to the very archive: fetched and checked against the announced sha256.
    Path fetched = store.fetch(ReleaseLocation.parse(announced.getLocation()), temp.resolve("cache"));
    assertThat(ReleaseFiles.readManifest(fetched).id()).isEqualTo("r7");
  }

  @Test
  void aBrokerThatRefusesTheAnnouncementFailsThePublish() throws IOException {
    MockProducer<String, ModelRelease> producer = producer(false);
    Path release = release("r7");
    Thread refuser = new Thread(() -> {
      while (!producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"))) {
        Thread.onSpinWait();
      }
    });
    refuser.setDaemon(true);
    refuser.start();

    assertThatThrownBy(() -> publisher(producer).publish(release, ReleaseAnnouncements.CHAMPION))
        .isInstanceOf(IOException.class).hasMessageContaining("cannot announce release r7");
  }

  private ReleasePublisher publisher(MockProducer<String, ModelRelease> producer) {
    return new ReleasePublisher(store, producer, TOPIC, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static MockProducer<String, ModelRelease> producer(boolean autoComplete) {
    Serializer<ModelRelease> anyBytes = (topic, value) -> new byte[0]; // the Avro encoding is the schemas' concern
    return new MockProducer<>(autoComplete, null, new StringSerializer(), anyBytes);
  }

  private Path release(String id) throws IOException {
    Path dir = temp.resolve(id);
    ReleaseFiles.writeManifest(dir, new ReleaseManifest(id, "2026-11-28T00:00:00Z", "backbone.onnx",
        "0".repeat(64), "head.onnx", "1".repeat(64), "input", "output",
        List.of("Apple___healthy", "Apple___Black_rot"), null, new Thresholds(0.5), null, Map.of("top1", 0.9), Map.of()));
    Files.write(dir.resolve("head.onnx"), new byte[] {1, 2});
    return dir;
  }
}
