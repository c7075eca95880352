package io.plantspy.ingest.mongo;

import com.mongodb.client.result.DeleteResult;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.kafka.ResultPartitions;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads and writes {@link DiagnosisDocument}s, waits for one to settle, and deletes those past retention. */
@Component
public class DiagnosisStore {

  private final ReactiveMongoTemplate mongo;
  private final WaitProperties wait;
  private final ResultPartitions partitions;

  public DiagnosisStore(ReactiveMongoTemplate mongo, WaitProperties wait, ResultPartitions partitions) {
    this.mongo = mongo;
    this.wait = wait;
    this.partitions = partitions;
  }

  @PostConstruct
  void createIndex() {
    // Blocking once at startup is fine; the retention sweep deletes by creation time.
    mongo.indexOps(DiagnosisDocument.class)
        .createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("created"))
        .block(Duration.ofSeconds(30));
  }

  public Mono<DiagnosisDocument> insertPending(DiagnosisDocument pending) {
    return mongo.insert(pending);
  }

  /** The caller's diagnosis; empty for an unknown id and for someone else's, alike. */
  public Mono<DiagnosisDocument> findOwned(String id, String owner) {
    return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), DiagnosisDocument.class);
  }

  /**
   * Stores results, one bulk write for a whole poll of the listener. Idempotent: a redelivered result sets the
   * same fields again. Upsert, so a result whose request document is missing (written by another producer) is
   * still kept; the owner then comes from it.
   */
  public Mono<Void> completeAll(List<Completion> completions) {
    if (completions.isEmpty()) {
      return Mono.empty();
    }
    ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, DiagnosisDocument.class);
    Instant now = Instant.now();
    for (Completion c : completions) {
      Update update = new Update()
          .set("status", c.result().status())
          .set("result", c.result())
          .setOnInsert("owner", c.owner())
          .setOnInsert("createdAt", now);
      bulk.upsert(Query.query(Criteria.where("_id").is(c.id())), update);
    }
    return bulk.execute().then();
  }

  /** Deletes diagnoses created before {@code cutoff}; returns how many. */
  public Mono<Long> deleteCreatedBefore(Instant cutoff) {
    return mongo.remove(Query.query(Criteria.where("createdAt").lt(cutoff)), DiagnosisDocument.class)
        .map(DeleteResult::getDeletedCount);
  }

  /** One result to store: the request id, its owner (for an upsert without a request document) and the result. */
  public record Completion(String id, String owner, StoredResult result) {}

  /**
   * Waits until the diagnosis settles or {@code maxWait} passes, then returns its latest state. The result
   * listener of this instance wakes {@code waiter} when it stores the result; MongoDB is polled only while the
   * result's partition belongs to another instance (or to nobody yet), and once more at the deadline.
   */
  public Mono<DiagnosisDocument> awaitSettled(DiagnosisDocument pending, ResultWaiters.Waiter waiter,
      Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    // The listener thread only hands the result over: encoding and writing the response happen off it, so
    // storing the next poll of results never waits on HTTP.
    Mono<DiagnosisDocument> signalled = waiter.result().publishOn(Schedulers.parallel()).map(pending::settledWith);
    return Mono.firstWithSignal(signalled, poll(pending, deadline, wait.pollInitial()));
  }

  private Mono<DiagnosisDocument> poll(DiagnosisDocument pending, long deadline, Duration interval) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return findOwned(pending.id(), pending.owner()).defaultIfEmpty(pending);
    }
    Duration next = Duration.ofNanos(Math.min((long) (interval.toNanos() * 1.5), wait.pollMax().toNanos()));
    return Mono.delay(Duration.ofNanos(Math.min(interval.toNanos(), left))).then(Mono.defer(() -> {
      if (partitions.holdsResultOf(pending.id()) && deadline - System.nanoTime() > 0) {
        return poll(pending, deadline, next); // this instance will store it and signal: no query needed
      }
      return findOwned(pending.id(), pending.owner())
          .flatMap(doc -> doc.settled() ? Mono.just(doc) : poll(doc, deadline, next));
    }));
  }
}
