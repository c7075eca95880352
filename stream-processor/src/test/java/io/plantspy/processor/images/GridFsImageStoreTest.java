package io.plantspy.processor.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.plantspy.model.image.InvalidImageException;
import java.io.ByteArrayInputStream;
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
