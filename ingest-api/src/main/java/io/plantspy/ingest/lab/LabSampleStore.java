package io.plantspy.ingest.lab;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import jakarta.annotation.PostConstruct;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The MongoDB side of lab samples: the {@code lab_samples} collection and the GridFS bucket {@code lab_images}, which,
 * unlike the diagnosis claim checks in {@code images}, no retention sweep touches.
 */
@Component
class LabSampleStore {

  static final String BUCKET = "lab_images";
  /** How a LabSample's ImageReference names this bucket. */
  static final String STORE = "gridfs:" + BUCKET;

  private final ReactiveMongoTemplate mongo;

  LabSampleStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    // Blocking once at startup: serving uploads before the unique index exists would let duplicates in.
    mongo.indexOps(LabSampleDocument.class)
        .createIndex(new Index().on("liveSha256", Sort.Direction.ASC).unique().sparse().named("live_sha256_unique"))
        .then(mongo.indexOps(LabSampleDocument.class).createIndex(new Index().on("status", Sort.Direction.ASC)
            .on("label", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("status_label_created")))
        // For the embedded MongoDB, which uses only unique indexes of exactly a query's fields: each sample's
        // status change by id and status would read every sample.
        .then(mongo.indexOps(LabSampleDocument.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).unique().named("id_status_unique")))
        .block(Duration.ofSeconds(30));
  }

  Mono<String> saveImage(String sampleId, String contentType, byte[] bytes) {
    return mongo.getMongoDatabase().flatMap(db -> {
      GridFSUploadOptions options = new GridFSUploadOptions()
          .metadata(new Document("sampleId", sampleId).append("contentType", contentType));
      return Mono.from(bucket(db).uploadFromPublisher(sampleId, Flux.just(ByteBuffer.wrap(bytes)), options));
    }).map(ObjectId::toHexString);
  }

  Mono<Void> deleteImage(String imageId) {
    return mongo.getMongoDatabase().flatMap(db -> Mono.from(bucket(db).delete(new ObjectId(imageId))));
  }

  /** Inserts a PENDING sample; fails with a DuplicateKeyException when its bytes are already taken. */
  Mono<LabSampleDocument> insert(LabSampleDocument sample) {
    return mongo.insert(sample);
  }

  Mono<LabSampleDocument> find(String id) {
    return mongo.findById(id, LabSampleDocument.class);
  }

  /** The sample, PENDING or LIVE, holding these bytes. */
  Mono<LabSampleDocument> findHolding(String sha256) {
    return mongo.findOne(Query.query(Criteria.where("liveSha256").is(sha256)), LabSampleDocument.class);
  }

  Mono<Void> markLive(String id) {
    return mongo.updateFirst(inStatus(id, LabSampleDocument.Status.PENDING),
        Update.update("status", LabSampleDocument.Status.LIVE), LabSampleDocument.class).then();
  }

  /** Withdraws a LIVE sample: it frees its bytes and leaves the counts. */
  Mono<Void> markWithdrawn(String id, Instant at) {
    Update withdraw = new Update().set("status", LabSampleDocument.Status.WITHDRAWN).set("withdrawnAt", at)
        .unset("liveSha256");
    return mongo.updateFirst(inStatus(id, LabSampleDocument.Status.LIVE), withdraw, LabSampleDocument.class).then();
  }

  /** Removes a sample that never reached the topic. */
  Mono<Void> delete(String id) {
    return mongo.remove(inStatus(id, LabSampleDocument.Status.PENDING), LabSampleDocument.class).then();
  }

  /** PENDING samples stored before {@code before}, oldest first. */
  Flux<LabSampleDocument> pendingCreatedBefore(Instant before) {
    return mongo.find(Query.query(Criteria.where("status").is(LabSampleDocument.Status.PENDING)
        .and("createdAt").lt(before)).with(Sort.by("createdAt")), LabSampleDocument.class);
  }

  /** A page of LIVE samples, newest first, optionally of one label and accepted at or after {@code since}. */
  Flux<LabSampleDocument> page(String label, Instant since, int page, int size) {
    return mongo.find(live(label, since)
        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
        .skip((long) page * size).limit(size), LabSampleDocument.class);
  }

  Mono<Long> count(String label, Instant since) {
    return mongo.count(live(label, since), LabSampleDocument.class);
  }

  /** LIVE samples per label, in label order. */
  Mono<Map<String, Long>> countsByLabel() {
    Aggregation perLabel = Aggregation.newAggregation(
        Aggregation.match(Criteria.where("status").is(LabSampleDocument.Status.LIVE)),
        Aggregation.group("label").count().as("count"));
    return mongo.aggregate(perLabel, LabSampleDocument.COLLECTION, Document.class)
        .collectMap(group -> group.getString("_id"), group -> ((Number) group.get("count")).longValue(),
            TreeMap::new);
  }

  static Query inStatus(String id, LabSampleDocument.Status status) {
    return Query.query(Criteria.where("_id").is(id).and("status").is(status));
  }

  private static Query live(String label, Instant since) {
    List<Criteria> all = new ArrayList<>(List.of(Criteria.where("status").is(LabSampleDocument.Status.LIVE)));
    if (label != null) {
      all.add(Criteria.where("label").is(label));
    }
    if (since != null) {
      all.add(Criteria.where("createdAt").gte(since));
    }
    return Query.query(new Criteria().andOperator(all));
  }

  private static GridFSBucket bucket(MongoDatabase db) {
    return GridFSBuckets.create(db, BUCKET);
  }
}
