package io.plantspy.ingest.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import io.plantspy.ingest.diagnosis.DiagnosisStatus;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.diagnosis.WaitProperties;
import io.plantspy.ingest.kafka.ResultPartitions;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads and writes {@link DiagnosisDocument}s, waits for one to settle, fails those pending past their deadline
 * and deletes those past retention.
 */
@Component
public class DiagnosisStore {

  /** MongoDB's error code for a unique index refusing a write. */
  private static final int DUPLICATE_KEY = 11000;

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
    // The reconciler looks for PENDING diagnoses by age: without this it would read every diagnosis kept.
    mongo.indexOps(DiagnosisDocument.class)
        .createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
            .named("status_created"))
        .block(Duration.ofSeconds(30));
    // Every diagnosis is looked up by id with a second field: settling (id + PENDING) and reading it (id + owner).
    // A real MongoDB answers those from the _id index alone, but the platform's embedded server (mongo-java-server)
    // uses an index only when its fields are exactly the query's, and otherwise reads every stored diagnosis: each
    // result cost a scan of the whole collection, so the store's CPU grew with what it held (BENCHMARKS.md). Unique,
    // since _id is.
    for (String field : List.of("status", "owner")) {
      mongo.indexOps(DiagnosisDocument.class)
          .createIndex(new Index().on("_id", Sort.Direction.ASC).on(field, Sort.Direction.ASC).unique()
              .named("id_" + field))
          .block(Duration.ofSeconds(30));
    }
  }

  /**
   * Records an accepted diagnosis as PENDING unless it already exists: the request is published before it is
   * recorded, so its result may have created and settled the document first. The request's own fields are set
   * either way (a document created from a result may lack them); the status is never set back. Returns the
   * document as it now stands.
   */
  public Mono<DiagnosisDocument> insertPending(DiagnosisDocument pending) {
    Update update = new Update()
        .setOnInsert("owner", pending.owner())
        .setOnInsert("status", DiagnosisStatus.PENDING)
        .setOnInsert("createdAt", pending.createdAt())
        .set("requestedAnswers", pending.requestedAnswers())
        .set("source", pending.source());
    Mono<DiagnosisDocument> upsert = Mono.defer(() -> mongo.findAndModify(byId(pending.id()), update,
        FindAndModifyOptions.options().upsert(true).returnNew(true), DiagnosisDocument.class));
    // Both this upsert and the result's may find no document and insert: the loser's insert fails on the id, and
    // once more it finds the winner's document and updates it.
    return upsert.onErrorResume(DuplicateKeyException.class, e -> upsert);
  }

  /** The caller's diagnosis; empty for an unknown id and for someone else's, alike. */
  public Mono<DiagnosisDocument> findOwned(String id, String owner) {
    return mongo.findOne(ownedById(id, owner), DiagnosisDocument.class);
  }

  /**
   * Stores results, one bulk write for a whole poll of the listener. Only a PENDING diagnosis is settled, so a
   * diagnosis ends DONE or FAILED exactly once: a redelivered result, or a late one after the diagnosis timed out,
   * changes nothing. A result whose document does not exist yet creates it settled: the API publishes a request
   * before recording it, records a waiting request without an Idempotency-Key only if its wait ends without the
   * result, and may die in between. The created document takes the request's fields from the completion when this
   * instance holds them, else the owner from the result and the time of storing.
   *
   * <p>One write per result: an upsert of the PENDING document. A diagnosis already settled matches no PENDING
   * document, so its upsert tries to insert the id again and is refused as a duplicate key: the first ending stands.
   * The request's PENDING record may also have been inserted between the upsert's look and its insert; so each
   * refused result is written once more as a plain settle, which settles such a record and leaves a settled one
   * alone. Unordered, so a refusal does not stop the other results of the poll; any other error fails the write
   * and the listener retries the poll.
   */
  public Mono<Void> completeAll(List<Completion> completions) {
    if (completions.isEmpty()) {
      return Mono.empty();
    }
    ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, DiagnosisDocument.class);
    Instant now = Instant.now();
    for (Completion c : completions) {
      bulk.upsert(pendingById(c.id()), settledOrCreated(c, now));
    }
    return bulk.execute().then().onErrorResume(e -> {
      List<Completion> refused = refusedAsDuplicates(e, completions);
      if (refused.isEmpty()) {
        return Mono.error(e);
      }
      ReactiveBulkOperations settleOnly = mongo.bulkOps(BulkMode.UNORDERED, DiagnosisDocument.class);
      refused.forEach(c -> settleOnly.updateOne(pendingById(c.id()), settle(c.result())));
      return settleOnly.execute().then();
    });
  }

  /**
   * The completions whose upsert a unique index refused, when that is all the bulk write refused; empty for any
   * other failure (which is retried whole).
   */
  private static List<Completion> refusedAsDuplicates(Throwable error, List<Completion> completions) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof MongoBulkWriteException bulk) {
        boolean onlyDuplicates = bulk.getWriteConcernError() == null
            && bulk.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
        return onlyDuplicates ? bulk.getWriteErrors().stream().map(w -> completions.get(w.getIndex())).toList()
            : List.of();
      }
    }
    return List.of();
  }

  private static Update settledOrCreated(Completion c, Instant now) {
    Update update = settle(c.result()).setOnInsert("owner", c.owner());
    if (c.request() == null) {
      return update.setOnInsert("createdAt", now);
    }
    return update
        .setOnInsert("createdAt", c.request().createdAt())
        .setOnInsert("requestedAnswers", c.request().requestedAnswers())
        .setOnInsert("source", c.request().source());
  }

  /**
   * Settles every diagnosis still PENDING that was created before {@code cutoff} with {@code result}; returns how
   * many. Only PENDING ones, so a result stored meanwhile is kept, and a late result cannot change it afterwards.
   */
  public Mono<Long> failPendingCreatedBefore(Instant cutoff, StoredResult result) {
    Query query = Query.query(Criteria.where("status").is(DiagnosisStatus.PENDING).and("createdAt").lt(cutoff));
    return mongo.updateMulti(query, settle(result), DiagnosisDocument.class).map(UpdateResult::getModifiedCount);
  }

  private static Update settle(StoredResult result) {
    return new Update().set("status", result.status()).set("result", result);
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }

  static Query ownedById(String id, String owner) {
    return Query.query(Criteria.where("_id").is(id).and("owner").is(owner));
  }

  static Query pendingById(String id) {
    return Query.query(Criteria.where("_id").is(id).and("status").is(DiagnosisStatus.PENDING));
  }

  /** Deletes diagnoses created before {@code cutoff}; returns how many. */
  public Mono<Long> deleteCreatedBefore(Instant cutoff) {
    return mongo.remove(Query.query(Criteria.where("createdAt").lt(cutoff)), DiagnosisDocument.class)
        .map(DeleteResult::getDeletedCount);
  }

  /**
   * One result to store: the request id, its owner (for an upsert without a request document) and the result.
   *
   * @param request the diagnosis as its request would be recorded, when this instance holds it unrecorded (see
   *     {@link ResultWaiters#unrecorded}); null otherwise
   */
  public record Completion(String id, String owner, StoredResult result, DiagnosisDocument request) {}

  /**
   * Waits until the diagnosis settles or {@code maxWait} passes, then returns its latest state ({@code pending}
   * itself while there is no document, as for a request not recorded yet). The result listener of this instance
   * wakes {@code waiter} when it stores the result; MongoDB is polled only while the result's partition belongs to
   * another instance (or to nobody yet), and once more at the deadline.
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
          // No document yet is no news: a waiting request without an Idempotency-Key is recorded after its wait.
          .defaultIfEmpty(pending)
          .flatMap(doc -> doc.settled() ? Mono.just(doc) : poll(doc, deadline, next));
    }));
  }
}
