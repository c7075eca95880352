package io.plantspy.ingest.mongo;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Claims {@code Idempotency-Key}s atomically in MongoDB so two instances cannot both accept the same key. A key is
 * remembered for the configured retention: an older claim no longer counts (whether or not MongoDB's TTL monitor,
 * which a real MongoDB runs about once a minute, has deleted it yet), so the key can be used again.
 */
@Component
public class IdempotencyStore {

  /** What claiming a key found: a fresh claim, or the record of the request that claimed it first. */
  public sealed interface Claim {
    /** This request owns the key now. */
    record Fresh() implements Claim {}

    /** An earlier request holds it. */
    record Existing(IdempotencyRecord first) implements Claim {}
  }

  static final String TTL_INDEX = "created_ttl";

  private final ReactiveMongoTemplate mongo;
  private final Duration retention;
  private final Clock clock;

  @Autowired
  public IdempotencyStore(ReactiveMongoTemplate mongo, RetentionProperties retention, Clock clock) {
    this(mongo, retention.idempotencyKeys(), clock);
  }

  IdempotencyStore(ReactiveMongoTemplate mongo, Duration retention, Clock clock) {
    this.mongo = mongo;
    this.retention = retention;
    this.clock = clock;
  }

  @PostConstruct
  void createIndex() {
    // Blocking once at startup is fine; serving requests before the index exists would let duplicates in.
    mongo.indexOps(IdempotencyRecord.class)
        .createIndex(new Index().on("owner", Sort.Direction.ASC).on("key", Sort.Direction.ASC).unique()
            .named("owner_key_unique"))
        .block(Duration.ofSeconds(30));
    ReactiveIndexOperations indexes = mongo.indexOps(IdempotencyRecord.class);
    // A real MongoDB refuses an index under an existing name with other options (IndexOptionsConflict), so a
    // changed plantspy.retention.idempotency-keys used to stop the startup: change the existing index's TTL first.
    indexes.getIndexInfo()
        .filter(index -> TTL_INDEX.equals(index.getName())
            && !index.getExpireAfter().map(retention::equals).orElse(false))
        .concatMap(stale -> changeTtl(indexes))
        .then(Mono.defer(() -> indexes.createIndex(
            new Index().on("createdAt", Sort.Direction.ASC).expire(retention).named(TTL_INDEX))))
        .block(Duration.ofSeconds(30));
  }

  private Mono<Void> changeTtl(ReactiveIndexOperations indexes) {
    Document collMod = new Document("collMod", mongo.getCollectionName(IdempotencyRecord.class))
        .append("index", new Document("name", TTL_INDEX).append("expireAfterSeconds", retention.toSeconds()));
    return mongo.executeCommand(collMod).then()
        // A server without collMod (the embedded mongo-java-server): drop it, to be created again with the new TTL.
        .onErrorResume(e -> indexes.dropIndex(TTL_INDEX));
  }

  public Mono<Claim> claim(String owner, String key, String bodyHash, String diagnosisId) {
    return tryClaim(owner, key, bodyHash, diagnosisId, true);
  }

  private Mono<Claim> tryClaim(String owner, String key, String bodyHash, String diagnosisId, boolean mayEvict) {
    IdempotencyRecord record = new IdempotencyRecord(null, owner, key, bodyHash, diagnosisId, clock.instant());
    return mongo.insert(record).<Claim>map(saved -> new Claim.Fresh())
        .onErrorResume(DuplicateKeyException.class, e -> find(owner, key).flatMap(first -> {
          if (mayEvict && expired(first)) {
            // Removed only if still that same expired record, so two retries cannot both evict and claim.
            return mongo.remove(Query.query(Criteria.where("_id").is(first.id()).and("createdAt")
                    .is(first.createdAt())), IdempotencyRecord.class)
                .then(tryClaim(owner, key, bodyHash, diagnosisId, false));
          }
          return Mono.just((Claim) new Claim.Existing(first));
        }));
  }

  private boolean expired(IdempotencyRecord record) {
    return record.createdAt() != null && record.createdAt().plus(retention).isBefore(clock.instant());
  }

  /** Frees a key whose request failed before it was accepted, so the caller can retry with the same key. */
  public Mono<Void> release(String owner, String key, String diagnosisId) {
    return mongo.remove(Query.query(Criteria.where("owner").is(owner).and("key").is(key)
        .and("diagnosisId").is(diagnosisId)), IdempotencyRecord.class).then();
  }

  /** Deletes claims past their retention; a real MongoDB's TTL index does the same, mongo-java-server's may not. */
  public Mono<Long> removeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    return mongo.remove(Query.query(Criteria.where("createdAt").lt(cutoff)), IdempotencyRecord.class)
        .map(result -> result.getDeletedCount());
  }

  private Mono<IdempotencyRecord> find(String owner, String key) {
    return mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("key").is(key)),
        IdempotencyRecord.class);
  }
}
