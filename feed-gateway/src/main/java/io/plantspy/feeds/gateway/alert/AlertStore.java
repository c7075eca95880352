package io.plantspy.feeds.gateway.alert;

import com.mongodb.client.result.DeleteResult;
import io.plantspy.reactiveservice.TtlIndex;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code alerts} collection. */
@Component
public class AlertStore {

  public static final String TTL_INDEX = "raised_ttl";

  private final ReactiveMongoTemplate mongo;

  public AlertStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Inserts it; fails with a duplicate key if its window already has it. */
  public Mono<Alert> insert(Alert alert) {
    return mongo.insert(alert);
  }

  public Mono<Alert> find(String id) {
    return mongo.findById(id, Alert.class);
  }

  public Mono<Void> markPublished(String id) {
    return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("published", true),
        Alert.class).then();
  }

  public Flux<Alert> since(String ownerOrNull, Instant since, int limit) {
    Criteria criteria = Criteria.where("raisedAt").gte(since);
    if (ownerOrNull != null) {
      criteria = criteria.and("owner").is(ownerOrNull);
    }
    return mongo.find(Query.query(criteria).with(Sort.by("raisedAt")).limit(limit), Alert.class);
  }

  /** Deletes the alerts raised before {@code cutoff}; how many. */
  public Mono<Long> deleteRaisedBefore(Instant cutoff) {
    return mongo.remove(Query.query(Criteria.where("raisedAt").lt(cutoff)), Alert.class)
        .map(DeleteResult::getDeletedCount);
  }

  /** Alerts are deleted by MongoDB once raised longer than {@code retention} ago. */
  public Mono<Void> ensureRetention(Duration retention) {
    return TtlIndex.ensure(mongo, Alert.class, "raisedAt", TTL_INDEX, retention);
  }

  public Mono<Void> ensureIndexes() {
    return mongo.indexOps(Alert.class).createIndex(new Index().on("owner", Sort.Direction.ASC)
        .on("raisedAt", Sort.Direction.ASC)).then();
  }
}
