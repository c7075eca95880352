package io.plantspy.processor.images;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import io.plantspy.model.image.InvalidImageException;
import io.plantspy.model.store.GridFsChunks;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Claim-checked images in MongoDB GridFS: bucket {@code images}, image id = the file's ObjectId in hex, which is
 * what the ingest API writes into {@code ImageReference.id}.
 */
public final class GridFsImageStore implements ClaimCheckStore {

  /** The value of {@code ImageReference.store} that points here. */
  public static final String STORE_NAME = "gridfs";
  public static final String BUCKET = "images";

  private final MongoDatabase database;
  private final GridFSBucket bucket;
  private final long maxBytes;

  public GridFsImageStore(MongoDatabase database, long maxBytes) {
    this.database = database;
    this.bucket = GridFSBuckets.create(database, BUCKET);
    this.maxBytes = maxBytes;
    GridFsChunks.ensureIndex(database, BUCKET);
  }

  @Override
  public Optional<byte[]> fetch(String id) throws InvalidImageException {
    // A malformed id cannot name any file: it is a missing image, not a reason to fail the batch.
    if (id == null || !ObjectId.isValid(id)) {
      return Optional.empty();
    }
    ObjectId objectId = new ObjectId(id);
    GridFSFile file = bucket.find(Filters.eq("_id", objectId)).first();
    if (file == null) {
      return Optional.empty();
    }
    // Checked on the file's metadata so an oversized blob is never pulled into the heap.
    if (file.getLength() > maxBytes) {
      throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE,
          "The stored image is " + file.getLength() + " bytes, more than the limit of " + maxBytes + " bytes.");
    }
    return Optional.of(GridFsChunks.read(database, BUCKET, file));
  }
}
