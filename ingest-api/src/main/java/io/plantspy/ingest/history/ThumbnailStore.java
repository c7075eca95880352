package io.plantspy.ingest.history;

import com.mongodb.client.result.DeleteResult;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads and writes {@link ThumbnailDocument}s; deletes those past the diagnoses' retention. */
@Component
public class ThumbnailStore {

  private final ReactiveMongoTemplate mongo;

  public ThumbnailStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    // The retention sweep deletes by creation time.
    mongo.indexOps(ThumbnailDocument.class)
        .createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("created"))
        .block(Duration.ofSeconds(30));
    // Read by id and owner: the embedded mongo-java-server uses an index only when its fields are exactly the
    // query's (see DiagnosisStore), so without this each read would scan the collection.
    mongo.indexOps(ThumbnailDocument.class)
        .createIndex(new Index().on("_id", Sort.Direction.ASC).on("owner", Sort.Direction.ASC).unique()
            .named("id_owner"))
        .block(Duration.ofSeconds(30));
  }

  /**
   * Stores thumbnails in one unordered bulk write; a second one for the same diagnosis (a redelivered result)
   * replaces the first.
   */
  public Mono<Void> saveAll(List<ThumbnailDocument> thumbnails) {
    if (thumbnails.isEmpty()) {
      return Mono.empty();
    }
    ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ThumbnailDocument.class);
    // By _id alone, which the embedded server finds through its _id index.
    thumbnails.forEach(t -> bulk.replaceOne(Query.query(Criteria.where("_id").is(t.id())), t,
        FindAndReplaceOptions.options().upsert()));
    return bulk.execute().then();
  }

  /** The caller's thumbnail; empty for an unknown id and for someone else's, alike. */
  public Mono<ThumbnailDocument> findOwned(String id, String owner) {
    return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), ThumbnailDocument.class);
  }

  /** Deletes thumbnails made before {@code cutoff}; returns how many. */
  public Mono<Long> deleteCreatedBefore(Instant cutoff) {
    return mongo.remove(Query.query(Criteria.where("createdAt").lt(cutoff)), ThumbnailDocument.class)
        .map(DeleteResult::getDeletedCount);
  }
}
