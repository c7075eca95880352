package io.plantspy.ingest.mongo;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import io.plantspy.schemas.ImageReference;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claim-check store for images too big to ride in a Kafka record: GridFS bucket {@code images}, referenced from
 * the request as {@code ImageReference{store: "gridfs", id: <ObjectId hex>}}, which the stream processor reads.
 * Images are deleted once past their retention (see RetentionSweeper).
 */
@Component
public class ImageStore {

  public static final String STORE = "gridfs";
  public static final String BUCKET = "images";

  private final ReactiveMongoTemplate mongo;

  public ImageStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<ImageReference> save(String requestId, String contentType, byte[] bytes) {
    return mongo.getMongoDatabase().flatMap(db -> {
      GridFSUploadOptions options = new GridFSUploadOptions()
          .metadata(new Document("requestId", requestId).append("contentType", contentType));
      return Mono.from(bucket(db).uploadFromPublisher(requestId, Flux.just(ByteBuffer.wrap(bytes)), options));
    }).map(objectId -> new ImageReference(STORE, objectId.toHexString()));
  }

  /** Deletes claim-checked images uploaded before {@code cutoff}; returns how many. */
  public Mono<Long> deleteUploadedBefore(Instant cutoff) {
    return mongo.getMongoDatabase().flatMapMany(db -> {
      GridFSBucket bucket = bucket(db);
      return Flux.from(bucket.find(Filters.lt("uploadDate", Date.from(cutoff))))
          .concatMap(file -> Mono.from(bucket.delete(file.getObjectId())).thenReturn(1));
    }).count();
  }

  static GridFSBucket bucket(MongoDatabase db) {
    return GridFSBuckets.create(db, BUCKET);
  }
}
