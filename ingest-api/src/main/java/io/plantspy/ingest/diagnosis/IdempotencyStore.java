package io.plantspy.ingest.diagnosis;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Claims {@code Idempotency-Key}s atomically in MongoDB so two instances cannot both accept the same key. */
@Component
public class IdempotencyStore {

  /** What claiming a key found: a fresh claim, or the record of the request that claimed it first. */
  public sealed interface Claim {
    /** This request owns the key now. */
    record Fresh() implements Claim {}

    /** An earlier request holds it. */
    record Existing(IdempotencyRecord first) implements Claim {}
  }

  private final ReactiveMongoTemplate mongo;

  public IdempotencyStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndex() {
    // Blocking once at startup is fine; serving requests before the index exists would let duplicates in.
    mongo.indexOps(IdempotencyRecord.class)
        .createIndex(new Index().on("owner", Sort.Direction.ASC).on("key", Sort.Direction.ASC).unique()
            .named("owner_key_unique"))
        .block(Duration.ofSeconds(30));
  }

  public Mono<Claim> claim(String owner, String key, String bodyHash, String diagnosisId) {
    IdempotencyRecord record = new IdempotencyRecord(null, owner, key, bodyHash, diagnosisId, Instant.now());
    return mongo.insert(record).<Claim>map(saved -> new Claim.Fresh())
        .onErrorResume(DuplicateKeyException.class, e -> find(owner, key).map(Claim.Existing::new));
  }

  /** Frees a key whose request failed before it was accepted, so the caller can retry with the same key. */
  public Mono<Void> release(String owner, String key, String diagnosisId) {
    return mongo.remove(Query.query(Criteria.where("owner").is(owner).and("key").is(key)
        .and("diagnosisId").is(diagnosisId)), IdempotencyRecord.class).then();
  }

  private Mono<IdempotencyRecord> find(String owner, String key) {
    return mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("key").is(key)),
        IdempotencyRecord.class);
  }
}
