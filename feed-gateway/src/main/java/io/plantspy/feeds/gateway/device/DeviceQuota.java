package io.plantspy.feeds.gateway.device;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code device_quotas} collection: per owner, how many devices they hold. A registration takes a place with one
 * conditional {@code $inc} (it matches only below the quota), so concurrent registrations cannot pass the quota
 * together as a count-then-insert would; a revocation gives the place back. An owner's counter is started from
 * their devices the first time it is needed (devices registered before the counter existed count too).
 */
@Component
public class DeviceQuota {

  static final String COLLECTION = "device_quotas";

  private final ReactiveMongoTemplate mongo;

  public DeviceQuota(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Takes one of the owner's {@code quota} places; false when all are taken. */
  public Mono<Boolean> take(String owner, int quota) {
    Query belowQuota = Query.query(Criteria.where("_id").is(owner).and("count").lt(quota));
    return started(owner).then(Mono.defer(() -> mongo.findAndModify(belowQuota, new Update().inc("count", 1),
        Document.class, COLLECTION))).hasElement();
  }

  /** Takes a place whatever the quota (admins register beyond it), so that giving it back stays balanced. */
  public Mono<Void> takeBeyondQuota(String owner) {
    return started(owner).then(Mono.defer(() -> mongo.updateFirst(Query.query(Criteria.where("_id").is(owner)),
        new Update().inc("count", 1), COLLECTION))).then();
  }

  /** Gives a place back: the device was revoked, or its registration failed after taking the place. */
  public Mono<Void> giveBack(String owner) {
    return mongo.updateFirst(Query.query(Criteria.where("_id").is(owner).and("count").gt(0)),
        new Update().inc("count", -1), COLLECTION).then();
  }

  private Mono<Void> started(String owner) {
    return mongo.exists(Query.query(Criteria.where("_id").is(owner)), COLLECTION)
        .flatMap(exists -> exists ? Mono.<Void>empty()
            : mongo.count(Query.query(Criteria.where("owner").is(owner)), Device.class)
                .flatMap(held -> mongo.insert(new Document("_id", owner).append("count", held), COLLECTION))
                // Another registration started it first: its counter already counts the same devices.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then());
  }
}
