package io.plantspy.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading GridFS files chunk by chunk on the embedded server, and the unique chunks index that makes it indexed. */
class GridFsChunksTest {

  private static final String BUCKET = "images";
  private static final int CHUNK = 1024;

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private GridFSBucket bucket;

  @BeforeEach
  void startMongo() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    database = client.getDatabase("plantspy");
    bucket = GridFSBuckets.create(database, BUCKET);
  }

  @AfterEach
  void stopMongo() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void readsEachFileExactlyAsWrittenAmongOthers() {
    GridFsChunks.ensureIndex(database, BUCKET);
    byte[] first = bytes(3 * CHUNK + 17, 1);
    byte[] exact = bytes(2 * CHUNK, 2);
    byte[] empty = new byte[0];
    ObjectId a = upload(first);
    ObjectId b = upload(exact);
    ObjectId c = upload(empty);

    assertThat(GridFsChunks.read(database, BUCKET, file(a))).isEqualTo(first);
    assertThat(GridFsChunks.read(database, BUCKET, file(b))).isEqualTo(exact);
    assertThat(GridFsChunks.read(database, BUCKET, file(c))).isEmpty();
  }

  @Test
  void aMissingOrShortChunkIsAGridFsErrorNotPartOfAFile() {
    ObjectId missing = upload(bytes(3 * CHUNK, 3));
    database.getCollection(BUCKET + ".chunks").deleteOne(Filters.and(Filters.eq("files_id", missing),
        Filters.eq("n", 1)));
    ObjectId shortened = upload(bytes(2 * CHUNK, 4));
    database.getCollection(BUCKET + ".chunks").updateOne(new Document("files_id", shortened).append("n", 0),
        new Document("$set", new Document("data", new org.bson.types.Binary(new byte[10]))));

    assertThatThrownBy(() -> GridFsChunks.read(database, BUCKET, file(missing)))
        .isInstanceOf(MongoGridFSException.class).hasMessageContaining("chunk index 1");
    assertThatThrownBy(() -> GridFsChunks.read(database, BUCKET, file(shortened)))
        .isInstanceOf(MongoGridFSException.class).hasMessageContaining("should be " + CHUNK);
  }

  @Test
  void ensureIndexCreatesAUniqueChunksIndexWhichTheDriverThenKeeps() {
    GridFsChunks.ensureIndex(database, BUCKET);
    upload(bytes(CHUNK + 1, 5));
    GridFsChunks.ensureIndex(database, BUCKET);

    List<Document> chunkIndexes = chunkIndexes();
    assertThat(chunkIndexes).singleElement()
        .satisfies(index -> assertThat(index.getBoolean("unique")).isTrue());
  }

  @Test
  void ensureIndexLeavesAnIndexOfTheSameKeysAsItIsAndNeverFails() {
    // What the reactive driver's first upload creates: the same keys, not unique.
    database.getCollection(BUCKET + ".chunks").createIndex(Indexes.ascending("files_id", "n"));

    GridFsChunks.ensureIndex(database, BUCKET);

    assertThat(chunkIndexes()).hasSize(1);
  }

  private List<Document> chunkIndexes() {
    List<Document> found = new ArrayList<>();
    for (Document index : database.getCollection(BUCKET + ".chunks").listIndexes()) {
      if (index.get("key", Document.class).containsKey("files_id")) {
        found.add(index);
      }
    }
    return found;
  }

  private ObjectId upload(byte[] content) {
    return bucket.uploadFromStream("f", new ByteArrayInputStream(content),
        new GridFSUploadOptions().chunkSizeBytes(CHUNK));
  }

  private GridFSFile file(ObjectId id) {
    return bucket.find(Filters.eq("_id", id)).first();
  }

  private static byte[] bytes(int length, long seed) {
    byte[] content = new byte[length];
    new Random(seed).nextBytes(content);
    return content;
  }
}
