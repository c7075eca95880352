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
import org.springframework.data.mongodb.core.query.Update;
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
    /** This request owns the key now, by {@code claim}. */
    record Fresh(IdempotencyRecord claim) implements Claim {}

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
        // For the embedded MongoDB, which uses only unique indexes of exactly a query's fields: the conditional
        // evictions and renewals by claim time (every keyed request while Kafka is down) would read every claim.
        .then(mongo.indexOps(IdempotencyRecord.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("createdAt", Sort.Direction.ASC).unique().named("id_created_unique")))
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
    return mongo.insert(record).<Claim>map(Claim.Fresh::new)
        .onErrorResume(DuplicateKeyException.class, e -> find(owner, key).flatMap(first -> {
          if (mayEvict && expired(first)) {
            // Removed only if still that same expired record, so two retries cannot both evict and claim.
            return mongo.remove(sameClaim(first), IdempotencyRecord.class)
                .then(tryClaim(owner, key, bodyHash, diagnosisId, false));
          }
          return Mono.just((Claim) new Claim.Existing(first));
        }));
  }

  private boolean expired(IdempotencyRecord record) {
    return record.createdAt() != null && record.createdAt().plus(retention).isBefore(clock.instant());
  }

  /**
   * Frees a key whose request could not be queued, so the caller can retry with the same key. Only while the claim
   * is still this attempt's: once a retry has taken it over, it is the retry's.
   */
  public Mono<Void> release(IdempotencyRecord claim) {
    return mongo.remove(sameClaim(claim), IdempotencyRecord.class).then();
  }

  /**
   * Takes over {@code stale}, a claim whose request was never recorded, once {@code lease} has passed since it was
   * made: its attempt is taken to have died before queuing the request. Emits the claim, renewed now and for the
   * same diagnosis id, if this caller won it; empty while the lease runs or when another retry took it first.
   */
  public Mono<IdempotencyRecord> takeOver(IdempotencyRecord stale, Duration lease) {
    Instant now = clock.instant();
    if (stale.createdAt() != null && stale.createdAt().plus(lease).isAfter(now)) {
      return Mono.empty();
    }
    // Conditional on the claim time, so of two retries only one renews it.
    return mongo.updateFirst(sameClaim(stale), Update.update("createdAt", now), IdempotencyRecord.class)
        .filter(result -> result.getModifiedCount() == 1)
        .map(result -> new IdempotencyRecord(stale.id(), stale.owner(), stale.key(), stale.bodyHash(),
            stale.diagnosisId(), now));
  }

  static Query sameClaim(IdempotencyRecord claim) {
    return Query.query(Criteria.where("_id").is(claim.id()).and("createdAt").is(claim.createdAt()));
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
