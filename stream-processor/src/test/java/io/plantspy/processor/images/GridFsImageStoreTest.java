package io.plantspy.processor.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.mongodb.MongoException;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.processor.config.ProcessorProperties;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GridFsImageStoreTest {

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase database;

  @BeforeEach
  void startMongo() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    database = client.getDatabase("plantspy");
  }

  @AfterEach
  void stopMongo() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void fetchesAStoredImageByItsObjectIdInHex() throws InvalidImageException {
    byte[] image = new byte[600_000]; // larger than one GridFS chunk (255 KiB)
    new Random(7).nextBytes(image);
    ObjectId id = upload(image);

    assertThat(new GridFsImageStore(database, 1_000_000).fetch(id.toHexString())).hasValue(image);
  }

  @Test
  void aMongoThatNeverAnswersFailsTheFetchInsteadOfBlockingTheStreamThread() throws Exception {
    // Bound but never accepting: the kernel completes the connection, nothing ever replies.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ProcessorProperties.GridFs gridfs = new ProcessorProperties.GridFs("mongodb://127.0.0.1:" + silent.getLocalPort(),
          "plantspy", Duration.ofMillis(500), Duration.ofSeconds(1));
      try (MongoClient stalled = MongoClients.create(gridfs.clientSettings())) {
        GridFsImageStore store = new GridFsImageStore(stalled.getDatabase("plantspy"), 1_000_000);
        // 20 s: below the driver's default server selection timeout (30 s), far above the 1 s under test.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
            assertThatThrownBy(() -> store.fetch(new ObjectId().toHexString())).isInstanceOf(MongoException.class));
      }
    }
  }

  @Test
  void aMissingOrMalformedIdIsEmpty() throws InvalidImageException {
    GridFsImageStore store = new GridFsImageStore(database, 1_000_000);

    assertThat(store.fetch(new ObjectId().toHexString())).isEmpty();
    assertThat(store.fetch("not-an-object-id")).isEmpty();
  }

  @Test
  void refusesAnImageOverTheLimitBeforeReadingIt() {
    ObjectId id = upload(new byte[2_000]);

    assertThatThrownBy(() -> new GridFsImageStore(database, 1_000).fetch(id.toHexString()))
        .isInstanceOfSatisfying(InvalidImageException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidImageException.Reason.TOO_LARGE));
  }

  private ObjectId upload(byte[] bytes) {
    return GridFSBuckets.create(database, GridFsImageStore.BUCKET)
        .uploadFromStream("leaf.jpg", new ByteArrayInputStream(bytes));
  }
}
