package io.plantspy.feeds.gateway.frame;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import io.plantspy.schemas.ImageReference;
import java.nio.ByteBuffer;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The claim check for big frames: the same GridFS bucket ({@code images}) and reference ({@code store: "gridfs"})
 * as the ingest API's uploads, so the stream processor reads them unchanged and the API's retention sweep deletes
 * them with the uploads.
 */
@Component
public class FrameImageStore {

  static final String STORE = "gridfs";
  static final String BUCKET = "images";

  private final ReactiveMongoTemplate mongo;

  public FrameImageStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<ImageReference> save(String requestId, String contentType, byte[] bytes) {
    return mongo.getMongoDatabase().flatMap(db -> {
      GridFSUploadOptions options = new GridFSUploadOptions()
          .metadata(new Document("requestId", requestId).append("contentType", contentType));
      return Mono.from(GridFSBuckets.create(db, BUCKET)
          .uploadFromPublisher(requestId, Flux.just(ByteBuffer.wrap(bytes)), options));
    }).map(objectId -> new ImageReference(STORE, objectId.toHexString()));
  }
}
