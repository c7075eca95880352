package io.plantspy.webhooks.endpoint;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code webhook_endpoints} collection: a user's subscriptions, and the bookkeeping deliveries do on them. */
@Component
public class EndpointStore {

  public static final String COLLECTION = "webhook_endpoints";

  private final ReactiveMongoTemplate mongo;

  public EndpointStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The index the event consumers' lookup (owner, then subscribed type) uses. */
  public Mono<Void> ensureIndexes() {
    return mongo.indexOps(COLLECTION).createIndex(new Index().on("owner", Sort.Direction.ASC)).then();
  }

  Mono<WebhookEndpoint> insert(WebhookEndpoint endpoint) {
    return mongo.insert(endpoint, COLLECTION);
  }

  Mono<Long> countOwned(String owner) {
    return mongo.count(Query.query(where("owner").is(owner)), COLLECTION);
  }

  Flux<WebhookEndpoint> owned(String owner) {
    return mongo.find(Query.query(where("owner").is(owner)).with(Sort.by("createdAt")), WebhookEndpoint.class,
        COLLECTION);
  }

  /** The endpoint if it exists and belongs to {@code owner}: someone else's is as absent as a missing one. */
  public Mono<WebhookEndpoint> owned(String id, String owner) {
    return mongo.findOne(Query.query(where("_id").is(id).and("owner").is(owner)), WebhookEndpoint.class, COLLECTION);
  }

  public Mono<WebhookEndpoint> byId(String id) {
    return mongo.findById(id, WebhookEndpoint.class, COLLECTION);
  }

  Mono<Boolean> delete(String id, String owner) {
    return mongo.remove(Query.query(where("_id").is(id).and("owner").is(owner)), COLLECTION)
        .map(result -> result.getDeletedCount() > 0);
  }

  Mono<WebhookEndpoint> rotate(String id, String owner, String newSecret, String oldSecret, Instant oldUntil) {
    return mongo.findAndModify(Query.query(where("_id").is(id).and("owner").is(owner)),
        new Update().set("secret", newSecret).set("previousSecret", oldSecret).set("previousSecretUntil", oldUntil),
        FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class, COLLECTION);
  }

  /** The enabled endpoints of these owners subscribed to any of {@code types}. */
  public Flux<WebhookEndpoint> subscribers(Collection<String> owners, Collection<EventType> types) {
    return mongo.find(Query.query(where("owner").in(owners).and("enabled").is(true).and("events")
        .in(types.stream().map(EventType::wireName).toList())), WebhookEndpoint.class, COLLECTION);
  }

  /** Every enabled endpoint subscribed to {@code type} (admin events have no single owner). */
  public Flux<WebhookEndpoint> subscribers(EventType type) {
    return mongo.find(Query.query(where("enabled").is(true).and("events").is(type.wireName())),
        WebhookEndpoint.class, COLLECTION);
  }

  /** Stops deliveries to it for good, keeping the first reason if it is disabled already. */
  public Mono<Void> disable(String id, String reason, Instant now) {
    return mongo.updateFirst(Query.query(where("_id").is(id).and("enabled").is(true)),
        new Update().set("enabled", false).set("disabledReason", reason).set("disabledAt", now),
        COLLECTION).then();
  }

  /** Remembers the first failure of a streak (later ones leave it). */
  public Mono<Void> failing(String id, Instant now) {
    return mongo.updateFirst(Query.query(where("_id").is(id).and("failingSince").is(null)),
        new Update().set("failingSince", now), COLLECTION).then();
  }

  public Mono<Void> healthy(String id) {
    return mongo.updateFirst(Query.query(where("_id").is(id).and("failingSince").ne(null)),
        new Update().unset("failingSince"), COLLECTION).then();
  }
}
