package io.plantspy.feeds.gateway.device;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code devices} collection. */
@Component
public class DeviceStore {

  private final ReactiveMongoTemplate mongo;

  public DeviceStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<Device> insert(Device device) {
    return mongo.insert(device);
  }

  public Mono<Device> find(String id) {
    return mongo.findById(id, Device.class);
  }

  public Flux<Device> list(String ownerOrNull) {
    Query query = ownerOrNull == null ? new Query() : Query.query(Criteria.where("owner").is(ownerOrNull));
    return mongo.find(query.with(Sort.by("createdAt", "_id")), Device.class);
  }

  public Mono<Boolean> delete(String id) {
    return mongo.remove(Query.query(Criteria.where("_id").is(id)), Device.class).map(r -> r.getDeletedCount() > 0);
  }

  public Mono<Void> ensureIndexes() {
    return mongo.indexOps(Device.class).createIndex(new Index().on("owner", Sort.Direction.ASC)).then();
  }
}
