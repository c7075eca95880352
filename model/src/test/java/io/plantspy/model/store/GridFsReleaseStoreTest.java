package io.plantspy.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.release.Thresholds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridFsReleaseStoreTest {

  @TempDir
  Path temp;

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private GridFsReleaseStore store;

  @BeforeEach
  void startMongo() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    database = client.getDatabase("plantspy");
    store = new GridFsReleaseStore(database, GridFsReleaseStore.DEFAULT_BUCKET);
  }

  @AfterEach
  void stopMongo() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void fetchesTheStoredReleaseIntoTheCache() throws IOException {
    Path release = release("r1", new byte[] {7, 7, 7});

    ReleaseLocation location = store.put(release);
    Path fetched = store.fetch(location, temp.resolve("cache"));

    assertThat(location.bucket()).isEqualTo("releases");
    assertThat(ReleaseFiles.readManifest(fetched).id()).isEqualTo("r1");
    assertThat(Files.readAllBytes(fetched.resolve("head.onnx"))).containsExactly(7, 7, 7);
    assertThat(ReleaseLocation.parse(location.uri())).isEqualTo(location);
  }

  @Test
  void refusesAnArchiveWhoseBytesDoNotMatchItsSha256AndCachesNothing() throws IOException {
    ReleaseLocation genuine = store.put(release("r1", new byte[] {7, 7, 7}));
    // Another archive under the genuine one's digest: what a corrupted or replaced file looks like.
    byte[] other = ReleaseArchive.pack(release("r2", new byte[] {6}));
    ObjectId replaced = GridFSBuckets.create(database, genuine.bucket())
        .uploadFromStream("r1.zip", new ByteArrayInputStream(other));
    ReleaseLocation corrupt = new ReleaseLocation(genuine.bucket(), replaced.toHexString(), genuine.sha256());
    Path cache = temp.resolve("cache");

    assertThatThrownBy(() -> store.fetch(corrupt, cache)).isInstanceOf(CorruptReleaseException.class)
        .hasMessageContaining(genuine.sha256());
    assertThat(cache.resolve(genuine.sha256())).doesNotExist();
  }

  @Test
  void reportsAMissingArchiveAsAnIoFailure() {
    ReleaseLocation missing = new ReleaseLocation("releases", new ObjectId().toHexString(), "a".repeat(64));

    assertThatThrownBy(() -> store.fetch(missing, temp.resolve("cache"))).isInstanceOf(IOException.class)
        .isNotInstanceOf(CorruptReleaseException.class);
  }

  private Path release(String id, byte[] head) throws IOException {
    Path dir = temp.resolve(id);
    ReleaseFiles.writeManifest(dir, new ReleaseManifest(id, "2026-11-28T00:00:00Z", "backbone.onnx",
        "0".repeat(64), "head.onnx", null, "input", "output", List.of("Apple___healthy"), null, new Thresholds(0.5),
        null, Map.of(), Map.of()));
    Files.write(dir.resolve("head.onnx"), head);
    return dir;
  }
}
