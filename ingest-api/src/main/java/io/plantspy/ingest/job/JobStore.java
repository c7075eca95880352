package io.plantspy.ingest.job;

import io.plantspy.ingest.diagnosis.StoredResult;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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
 * The MongoDB side of jobs: {@code jobs} and {@code job_items}. Every status change is a conditional update from
 * the statuses it may leave, so two instances, a replay or the reconciler can never move a job or an item backwards
 * or twice. Counts only grow: an item's move to a terminal status adds one ({@link #count}), and a recount from the
 * items ({@link #recount}) raises them with {@code $max}, so a count lost to a crash between the two writes is made
 * good, and none can exceed the truth.
 */
@Component
class JobStore {

  /** When the job's terminal {@code JobEvent} was acknowledged by Kafka; absent until then (not in the record). */
  static final String ANNOUNCED_AT = "announcedAt";

  private final ReactiveMongoTemplate mongo;

  JobStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    // Blocking once at startup: the unique indexes are what refuses duplicate customIds and Idempotency-Keys.
    mongo.indexOps(JobDocument.class)
        .createIndex(new Index().on("ownerKey", Sort.Direction.ASC).unique().sparse().named("owner_key_unique"))
        .then(mongo.indexOps(JobDocument.class).createIndex(new Index().on("owner", Sort.Direction.ASC)
            .on("createdAt", Sort.Direction.DESC).named("owner_created")))
        .then(mongo.indexOps(JobDocument.class).createIndex(new Index().on("status", Sort.Direction.ASC)
            .named("status")))
        // For the embedded server, as id_status_unique below: a client polling GET /jobs/{id} reads by id and owner.
        .then(mongo.indexOps(JobDocument.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("owner", Sort.Direction.ASC).unique().named("id_owner_unique")))
        .then(mongo.indexOps(JobItemDocument.class).createIndex(new Index().on("jobId", Sort.Direction.ASC)
            .on("customId", Sort.Direction.ASC).unique().named("job_custom_id_unique")))
        .then(mongo.indexOps(JobItemDocument.class).createIndex(new Index().on("jobId", Sort.Direction.ASC)
            .on("seq", Sort.Direction.ASC).named("job_seq")))
        .then(mongo.indexOps(JobItemDocument.class).createIndex(new Index().on("jobId", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).named("job_status")))
        // Redundant for a real MongoDB (the _id index serves it), but the embedded server uses an index only for a
        // query of exactly its fields, and only a unique one: without it every conditional item write would read
        // the whole collection.
        .then(mongo.indexOps(JobItemDocument.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).unique().named("id_status_unique")))
        .block(Duration.ofSeconds(30));
  }

  /** Inserts a new job; fails with a DuplicateKeyException when its owner already used its Idempotency-Key. */
  Mono<JobDocument> insert(JobDocument job) {
    return mongo.insert(job);
  }

  Mono<JobDocument> findByOwnerKey(String ownerKey) {
    return mongo.findOne(Query.query(Criteria.where("ownerKey").is(ownerKey)), JobDocument.class);
  }

  Mono<JobDocument> find(String id) {
    return mongo.findById(id, JobDocument.class);
  }

  Mono<JobDocument> findOwned(String id, String owner) {
    return mongo.findOne(byIdAndOwner(id, owner), JobDocument.class);
  }

  Mono<Long> countOpen(String owner) {
    return mongo.count(Query.query(Criteria.where("owner").is(owner).and("status").in(JobStatus.OPEN)),
        JobDocument.class);
  }

  Flux<JobDocument> page(String owner, int page, int size) {
    return mongo.find(Query.query(Criteria.where("owner").is(owner))
        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
        .skip((long) page * size).limit(size), JobDocument.class);
  }

  Mono<Long> count(String owner) {
    return mongo.count(Query.query(Criteria.where("owner").is(owner)), JobDocument.class);
  }

  Flux<JobDocument> inStatus(List<JobStatus> statuses) {
    return mongo.find(Query.query(Criteria.where("status").in(statuses)), JobDocument.class);
  }

  /** Jobs in a terminal status whose {@code JobEvent} is not known to be on the topic. */
  Flux<JobDocument> unannounced() {
    return mongo.find(Query.query(Criteria.where("status").in(JobStatus.TERMINAL).and(ANNOUNCED_AT).exists(false)),
        JobDocument.class);
  }

  Mono<Void> markAnnounced(String jobId, Instant now) {
    return mongo.updateFirst(byId(jobId), Update.update(ANNOUNCED_AT, now), JobDocument.class).then();
  }

  Mono<Void> heartbeat(String jobId, Instant now) {
    return mongo.updateFirst(byId(jobId), Update.update("heartbeatAt", now), JobDocument.class).then();
  }

  /** Moves a job from {@code from} to {@code to}, stamping {@code <to>At}; whether it moved. */
  Mono<Boolean> move(String jobId, List<JobStatus> from, JobStatus to, Instant now, Update more) {
    Update update = more.set("status", to).set(stampOf(to), now);
    return mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId).and("status").in(from)), update,
        JobDocument.class).map(result -> result.getModifiedCount() == 1);
  }

  /** The field stamped when a job enters {@code status}: {@code inProgressAt} for IN_PROGRESS, and so on. */
  static String stampOf(JobStatus status) {
    String[] words = status.wire().split("_");
    StringBuilder field = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return field.append("At").toString();
  }

  Mono<Void> markPublished(String jobId, Instant now) {
    return mongo.updateFirst(byId(jobId), Update.update("publishedAt", now), JobDocument.class).then();
  }

  Mono<JobItemDocument> insertItem(JobItemDocument item) {
    return mongo.insert(item);
  }

  Mono<Void> removeItems(String jobId) {
    return mongo.remove(Query.query(Criteria.where("jobId").is(jobId)), JobItemDocument.class).then();
  }

  Flux<JobItemDocument> pendingItems(String jobId) {
    return mongo.find(Query.query(Criteria.where("jobId").is(jobId).and("status").is(ItemStatus.PENDING))
        .with(Sort.by("seq")), JobItemDocument.class);
  }

  /** Every item of a job in body order, read from a cursor (never a list in memory). */
  Flux<JobItemDocument> items(String jobId) {
    return mongo.find(Query.query(Criteria.where("jobId").is(jobId)).with(Sort.by("seq")), JobItemDocument.class);
  }

  /** A published item: QUEUED, its inline bytes dropped (the request carries them now). */
  Mono<Void> markQueued(String itemId) {
    return mongo.updateFirst(byIdAndStatus(itemId, ItemStatus.PENDING),
        new Update().set("status", ItemStatus.QUEUED).unset("inline"), JobItemDocument.class).then();
  }

  /** An item still open when it was read: its id, job and open status. */
  record OpenItem(String id, String jobId, ItemStatus status) {}

  /**
   * The items among {@code ids} that are still open, with their job and status: one query for a whole poll of
   * results, on the {@code _id} index (the embedded server uses an index only for a query of exactly its fields).
   */
  Flux<OpenItem> openItems(Collection<String> ids) {
    Query query = Query.query(Criteria.where("_id").in(ids));
    query.fields().include("jobId").include("status");
    return mongo.find(query, OpenItem.class, JobItemDocument.COLLECTION)
        .filter(item -> ItemStatus.OPEN.contains(item.status()));
  }

  /**
   * Settles open items with their results in one bulk write (unordered); how many it changed. Each item changes
   * only if it is still in the status it was read in, so an item cancelled, queued or settled meanwhile is left as
   * it is and not counted: the caller reads it again.
   */
  Mono<Long> settle(Map<OpenItem, StoredResult> results) {
    if (results.isEmpty()) {
      return Mono.just(0L);
    }
    ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, JobItemDocument.class);
    results.forEach((item, result) -> {
      Update update = new Update().set("status", result.failed() ? ItemStatus.FAILED : ItemStatus.COMPLETED)
          .set("result", result);
      if (result.failed()) {
        update.set("errorCode", result.errorCode()).set("errorMessage", result.errorMessage());
      }
      bulk.updateOne(byIdAndStatus(item.id(), item.status()), update);
    });
    return bulk.execute().map(written -> (long) written.getModifiedCount());
  }

  static Query byIdAndOwner(String jobId, String owner) {
    return Query.query(Criteria.where("_id").is(jobId).and("owner").is(owner));
  }

  static Query byIdAndStatus(String itemId, ItemStatus status) {
    return Query.query(Criteria.where("_id").is(itemId).and("status").is(status));
  }

  /** Cancels every open item of a job; how many. */
  Mono<Long> cancelOpenItems(String jobId) {
    return mongo.updateMulti(Query.query(Criteria.where("jobId").is(jobId).and("status").in(ItemStatus.OPEN)),
        new Update().set("status", ItemStatus.CANCELLED).unset("inline"), JobItemDocument.class)
        .map(result -> result.getModifiedCount());
  }

  Mono<Long> countOpenItems(String jobId) {
    return mongo.count(Query.query(Criteria.where("jobId").is(jobId).and("status").in(ItemStatus.OPEN)),
        JobItemDocument.class);
  }

  /** Adds to a job's counts, in one write: {@code by} holds how many items of each (terminal) status. */
  Mono<Void> count(String jobId, Map<ItemStatus, Long> by) {
    Update update = new Update();
    by.forEach((status, n) -> update.inc("counts." + countField(status), n));
    return mongo.updateFirst(byId(jobId), update, JobDocument.class).then();
  }

  /** Raises a job's counts to what its items say now; counts never go down, so a concurrent increment stays. */
  Mono<JobDocument> recount(String jobId) {
    Aggregation perStatus = Aggregation.newAggregation(
        Aggregation.match(Criteria.where("jobId").is(jobId)), Aggregation.group("status").count().as("n"));
    return mongo.aggregate(perStatus, JobItemDocument.COLLECTION, Document.class)
        .collectMap(group -> ItemStatus.valueOf(group.getString("_id")), group -> ((Number) group.get("n")).longValue())
        .flatMap(counts -> {
          Update raise = new Update();
          for (ItemStatus status : List.of(ItemStatus.COMPLETED, ItemStatus.FAILED, ItemStatus.CANCELLED)) {
            raise.max("counts." + countField(status), counts.getOrDefault(status, 0L));
          }
          return mongo.updateFirst(byId(jobId), raise, JobDocument.class);
        })
        .then(find(jobId));
  }

  private static String countField(ItemStatus status) {
    return switch (status) {
      case COMPLETED -> "completed";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      default -> throw new IllegalArgumentException("only terminal items are counted: " + status);
    };
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }
}
