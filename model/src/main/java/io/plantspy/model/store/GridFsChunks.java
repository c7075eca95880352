package io.plantspy.model.store;

import com.mongodb.MongoException;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.io.ByteArrayOutputStream;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a GridFS file's bytes one chunk at a time, each by its exact {@code {files_id, n}}, instead of the driver's
 * single {@code {files_id, n: {$gte: 0}}} query sorted by {@code n}. A real MongoDB serves both from the chunks
 * index; the embedded server the local platform runs (mongo-java-server) uses an index only for a query of exactly
 * its fields, with no operator, and only a unique one, so the driver's read there scans every chunk of every file
 * in the bucket. {@link #ensureIndex} creates that unique index.
 */
public final class GridFsChunks {

  private static final Logger log = LoggerFactory.getLogger(GridFsChunks.class);
  private static final String INDEX_NAME = "files_id_1_n_1_unique";

  private GridFsChunks() {}

  /**
   * Creates the unique {@code {files_id: 1, n: 1}} index on {@code BUCKET.chunks} unless an index of those keys is
   * there already. The reactive driver creates the same keys without {@code unique}, which the embedded server
   * ignores; creating this one first (the reactive driver then sees the keys indexed and adds none) is what makes
   * the point reads of {@link #read} indexed there. Never fails: without the index reads are right, only slower.
   */
  public static void ensureIndex(MongoDatabase database, String bucket) {
    MongoCollection<Document> chunks = database.getCollection(bucket + ".chunks");
    try {
      for (Document index : chunks.listIndexes()) {
        Document key = index.get("key", Document.class);
        if (key != null && key.keySet().equals(java.util.Set.of("files_id", "n"))) {
          if (!Boolean.TRUE.equals(index.getBoolean("unique"))) {
            log.info("{}.chunks has a non-unique {files_id, n} index ({}): kept; an embedded MongoDB will not use it",
                bucket, index.getString("name"));
          }
          return;
        }
      }
      chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true).name(INDEX_NAME));
    } catch (MongoException e) {
      log.warn("Could not create the unique {files_id, n} index of {}.chunks: {}", bucket, e.toString());
    }
  }

  /**
   * The bytes of the file {@code id} of {@code bucket}, read chunk by chunk.
   *
   * @throws MongoGridFSException when there is no such file, or a chunk is missing or has the wrong size
   */
  public static byte[] read(MongoDatabase database, String bucket, ObjectId id) {
    GridFSFile file = GridFSBuckets.create(database, bucket).find(Filters.eq("_id", id)).first();
    if (file == null) {
      throw new MongoGridFSException("No file found with the id: " + id);
    }
    return read(database, bucket, file);
  }

  /**
   * The bytes of {@code file}, read chunk by chunk from {@code BUCKET.chunks}.
   *
   * @throws MongoGridFSException when a chunk is missing or has the wrong size, as the driver's own read would
   */
  public static byte[] read(MongoDatabase database, String bucket, GridFSFile file) {
    MongoCollection<Document> chunks = database.getCollection(bucket + ".chunks");
    long length = file.getLength();
    int chunkSize = file.getChunkSize();
    long count = (length + chunkSize - 1) / chunkSize;
    BsonValue id = file.getId();
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
    for (int n = 0; n < count; n++) {
      Document chunk = chunks.find(new Document("files_id", id).append("n", n)).first();
      if (chunk == null) {
        throw new MongoGridFSException("Could not find file chunk for file_id: " + id + " at chunk index " + n);
      }
      byte[] data = chunk.get("data", Binary.class).getData();
      long expected = n < count - 1 ? chunkSize : length - (count - 1) * chunkSize;
      if (data.length != expected) {
        throw new MongoGridFSException("Chunk size data length is not the expected size. The size was " + data.length
            + " for file_id: " + id + " chunk index " + n + " it should be " + expected + " bytes.");
      }
      out.write(data, 0, data.length);
    }
    return out.toByteArray();
  }
}
