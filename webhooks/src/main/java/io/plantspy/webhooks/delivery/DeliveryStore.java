package io.plantspy.webhooks.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.result.DeleteResult;
import io.plantspy.reactiveservice.TtlIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code webhook_deliveries} outbox. Claims are single-document find-and-modify operations (mongo-java-server
 * has no transactions): the claim moves {@code nextAttemptAt} to the end of a lease and stamps a token, so a
 * second instance polling at the same moment cannot take the same attempt, and only the token's holder records
 * its outcome.
 */
@Component
public class DeliveryStore {

  public static final String COLLECTION = "webhook_deliveries";

  private final ReactiveMongoTemplate mongo;

  public DeliveryStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<Void> ensureIndexes() {
    return mongo.indexOps(COLLECTION)
        .createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC))
        .then(mongo.indexOps(COLLECTION)
            .createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)))
        // Redundant for a real MongoDB (the _id index serves them), but the embedded server uses an index only for
        // a query of exactly its fields with no operator, and only a unique one: without these, every claim and
        // every recorded outcome would read the whole collection.
        .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).unique()
            .named("id_status_next_unique")))
        .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("claim", Sort.Direction.ASC).unique().named("id_claim_unique")))
        .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
            .on("endpointId", Sort.Direction.ASC).unique().named("id_endpoint_unique")))
        .then();
  }

  /** Deletes deliveries that finished before {@code cutoff} (pending ones have no finish time); how many. */
  Mono<Long> deleteFinishedBefore(Instant cutoff) {
    return mongo.remove(Query.query(where("finishedAt").lt(cutoff)), COLLECTION)
        .map(DeleteResult::getDeletedCount);
  }

  /** Finished deliveries are deleted by MongoDB once finished longer than {@code retention} ago. */
  Mono<Void> ensureRetention(Duration retention) {
    return TtlIndex.ensure(mongo, Delivery.class, "finishedAt", "finished_ttl", retention);
  }

  /** Writes it unless a delivery with its id exists (a redelivered event): true when written. */
  public Mono<Boolean> insertIfAbsent(Delivery delivery) {
    return mongo.insert(delivery, COLLECTION).thenReturn(true)
        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
  }

  /**
   * Up to {@code limit} ids of due deliveries, most overdue first, none to a busy endpoint: candidates to
   * {@link #claim}. One query for many claims (an embedded mongo-java-server scans the collection for it).
   */
  Flux<Due> due(Instant now, Collection<String> busyEndpoints, int limit) {
    Query due = Query.query(where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now)
        .and("endpointId").nin(busyEndpoints)).with(Sort.by("nextAttemptAt")).limit(limit);
    due.fields().include("_id", "endpointId", "nextAttemptAt");
    return mongo.find(due, Due.class, COLLECTION);
  }

  /** A due delivery's id, endpoint and due time as read: all a claim decision needs. */
  record Due(@Id String id, String endpointId, Instant nextAttemptAt) {}

  /**
   * Takes the delivery for one attempt if it is still as {@link #due} read it (pending, due at the same moment),
   * leased until {@code leaseUntil}; empty when another instance took it first. A single-document
   * find-and-modify, a compare-and-set on the due time a claim always moves: atomic without transactions.
   */
  Mono<Delivery> claim(Due due, Instant leaseUntil) {
    return mongo.findAndModify(stillDue(due), new Update().set("nextAttemptAt", leaseUntil).set("claim", newClaim()),
        FindAndModifyOptions.options().returnNew(true), Delivery.class, COLLECTION);
  }

  static Query stillDue(Due due) {
    return Query.query(where("_id").is(due.id()).and("status").is(DeliveryStatus.PENDING)
        .and("nextAttemptAt").is(due.nextAttemptAt()));
  }

  Mono<Void> delivered(Delivery claimed, Attempt attempt) {
    return finish(claimed, attempt, DeliveryStatus.DELIVERED, attempt.at());
  }

  /** A failed attempt; {@code nextAttemptAt} null ends the delivery as FAILED. */
  Mono<Void> failed(Delivery claimed, Attempt attempt, int nextStep, Instant nextAttemptAt, Instant now) {
    if (nextAttemptAt == null) {
      return finish(claimed, attempt, DeliveryStatus.FAILED, now);
    }
    return mongo.updateFirst(held(claimed), new Update().set("step", nextStep).set("nextAttemptAt", nextAttemptAt)
        .unset("claim").push("attempts", attempt), Delivery.class, COLLECTION).then();
  }

  Mono<Void> cancelled(Delivery claimed, Instant now) {
    return finish(claimed, null, DeliveryStatus.CANCELLED, now);
  }

  private Mono<Void> finish(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant now) {
    Update update = new Update().set("status", status).set("finishedAt", now).unset("nextAttemptAt").unset("claim");
    if (attempt != null) {
      update.push("attempts", attempt);
    }
    return mongo.updateFirst(held(claimed), update, Delivery.class, COLLECTION).then();
  }

  /** The delivery as long as this claim still holds it (its lease was not taken over after expiring). */
  static Query held(Delivery claimed) {
    return Query.query(where("_id").is(claimed.id()).and("claim").is(claimed.claim()));
  }

  /** Ends the endpoint's pending deliveries that no attempt holds (a held one records its own outcome). */
  Mono<Void> cancelPending(String endpointId, Instant now) {
    return mongo.updateMulti(Query.query(where("endpointId").is(endpointId).and("status").is(DeliveryStatus.PENDING)
            .and("claim").is(null)),
        new Update().set("status", DeliveryStatus.CANCELLED).set("finishedAt", now).unset("nextAttemptAt"),
        COLLECTION).then();
  }

  Flux<Delivery> forEndpoint(String endpointId, int limit) {
    return mongo.find(Query.query(where("endpointId").is(endpointId))
        .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class, COLLECTION);
  }

  Mono<Delivery> byId(String endpointId, String deliveryId) {
    return mongo.findOne(byIdAndEndpoint(deliveryId, endpointId), Delivery.class, COLLECTION);
  }

  static Query byIdAndEndpoint(String deliveryId, String endpointId) {
    return Query.query(where("_id").is(deliveryId).and("endpointId").is(endpointId));
  }

  /**
   * Queues a finished delivery for one more attempt at {@code now} ({@code step}: the schedule's last, so a
   * failure finishes it again). Empty when it is not finished (still pending) or absent.
   */
  Mono<Delivery> retry(String endpointId, String deliveryId, int step, Instant now) {
    return mongo.findAndModify(Query.query(where("_id").is(deliveryId).and("endpointId").is(endpointId)
            .and("status").ne(DeliveryStatus.PENDING)),
        new Update().set("status", DeliveryStatus.PENDING).set("step", step).set("nextAttemptAt", now)
            .unset("finishedAt"),
        FindAndModifyOptions.options().returnNew(true), Delivery.class, COLLECTION);
  }

  private static String newClaim() {
    return UUID.randomUUID().toString();
  }
}
