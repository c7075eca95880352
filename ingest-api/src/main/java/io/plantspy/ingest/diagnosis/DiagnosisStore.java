package io.plantspy.ingest.diagnosis;

import io.plantspy.ingest.config.WaitProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads and writes {@link DiagnosisDocument}s, and waits for one to settle by polling. */
@Component
public class DiagnosisStore {

  private final ReactiveMongoTemplate mongo;
  private final WaitProperties wait;

  public DiagnosisStore(ReactiveMongoTemplate mongo, WaitProperties wait) {
    this.mongo = mongo;
    this.wait = wait;
  }

  public Mono<DiagnosisDocument> insertPending(DiagnosisDocument pending) {
    return mongo.insert(pending);
  }

  /** The caller's diagnosis; empty for an unknown id and for someone else's, alike. */
  public Mono<DiagnosisDocument> findOwned(String id, String owner) {
    return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), DiagnosisDocument.class);
  }

  /**
   * Stores a result. Idempotent: a redelivered result sets the same fields again. Upsert, so a result whose
   * request document is missing (written by another producer) is still kept; the owner then comes from it.
   */
  public Mono<Void> complete(String id, String owner, StoredResult result) {
    Update update = new Update()
        .set("status", result.failed() ? DiagnosisStatus.FAILED : DiagnosisStatus.DONE)
        .set("result", result)
        .setOnInsert("owner", owner)
        .setOnInsert("createdAt", Instant.now());
    return mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, DiagnosisDocument.class).then();
  }

  /**
   * Polls until the diagnosis settles or {@code maxWait} passes, then returns its latest state. Polling the
   * shared collection (no change streams, no in-memory signal) makes the wait work whichever instance consumed
   * the result; the interval starts small for fast answers and grows to spare MongoDB on long waits.
   */
  public Mono<DiagnosisDocument> awaitSettled(String id, String owner, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    return poll(id, owner, deadline, wait.pollInitial());
  }

  private Mono<DiagnosisDocument> poll(String id, String owner, long deadline, Duration interval) {
    return findOwned(id, owner).flatMap(doc -> {
      long left = deadline - System.nanoTime();
      if (doc.settled() || left <= 0) {
        return Mono.just(doc);
      }
      Duration sleep = Duration.ofNanos(Math.min(interval.toNanos(), left));
      Duration next = Duration.ofNanos(Math.min((long) (interval.toNanos() * 1.5), wait.pollMax().toNanos()));
      return Mono.delay(sleep).then(Mono.defer(() -> poll(id, owner, deadline, next)));
    });
  }
}
