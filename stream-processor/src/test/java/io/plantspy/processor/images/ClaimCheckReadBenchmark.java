package io.plantspy.processor.images;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.plantspy.model.store.GridFsChunks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.types.ObjectId;

/**
 * What reading one claim-checked image costs on the embedded MongoDB the local platform runs (mongo-java-server,
 * H2 file backend) as the bucket fills: the driver's own download (one {@code {files_id, n: {$gte: 0}}} query,
 * which that server answers by scanning every chunk) against {@link GridFsChunks#read} (one indexed point read per
 * chunk). Not a test: run it by hand on an idle machine and write the figures in BENCHMARKS.md.
 *
 * <pre>./mvnw -pl stream-processor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.plantspy.processor.images.ClaimCheckReadBenchmark -Dexec.args="50,200,800 1048576"</pre>
 *
 * Arguments: the numbers of images stored (comma-separated, each a step of the same bucket), and each image's size
 * in bytes (default 1 MiB: a phone photo, four 255 KiB chunks).
 */
public final class ClaimCheckReadBenchmark {

  private static final int READS = 50;

  private ClaimCheckReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String[] steps = (args.length > 0 ? args[0] : "50,200,800").split(",");
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 1024 * 1024;
    Path dir = Files.createTempDirectory("claim-check-bench");
    MongoServer server = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
    try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
      MongoDatabase database = client.getDatabase("plantspy");
      GridFsChunks.ensureIndex(database, GridFsImageStore.BUCKET);
      GridFSBucket bucket = GridFSBuckets.create(database, GridFsImageStore.BUCKET);
      List<ObjectId> stored = new ArrayList<>();
      Random random = new Random(1);
      System.out.println("| images stored | driver download, ms per image | chunk by chunk, ms per image |");
      System.out.println("|---|---|---|");
      for (String step : steps) {
        int target = Integer.parseInt(step.trim());
        while (stored.size() < target) {
          byte[] image = new byte[size];
          random.nextBytes(image);
          stored.add(bucket.uploadFromStream("image", new ByteArrayInputStream(image)));
        }
        // Warm-up of both paths, then the same READS images (the newest) each way.
        List<ObjectId> sample = stored.subList(stored.size() - READS, stored.size());
        time(() -> driverRead(bucket, sample.get(0)), 3);
        time(() -> chunkRead(database, bucket, sample.get(0)), 3);
        double driver = time(() -> sample.forEach(id -> driverRead(bucket, id)), 1) / READS;
        double chunks = time(() -> sample.forEach(id -> chunkRead(database, bucket, id)), 1) / READS;
        System.out.printf("| %d | %.1f | %.1f |%n", target, driver, chunks);
      }
    } finally {
      server.shutdownNow();
    }
  }

  private static void driverRead(GridFSBucket bucket, ObjectId id) {
    bucket.downloadToStream(id, new ByteArrayOutputStream());
  }

  private static void chunkRead(MongoDatabase database, GridFSBucket bucket, ObjectId id) {
    GridFSFile file = bucket.find(Filters.eq("_id", id)).first();
    GridFsChunks.read(database, GridFsImageStore.BUCKET, file);
  }

  /** Milliseconds the action took, run {@code times} times. */
  private static double time(Runnable action, int times) {
    long started = System.nanoTime();
    for (int i = 0; i < times; i++) {
      action.run();
    }
    return (System.nanoTime() - started) / 1e6;
  }
}
