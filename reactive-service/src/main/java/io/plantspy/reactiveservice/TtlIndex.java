package io.plantspy.reactiveservice;

import java.time.Duration;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import reactor.core.publisher.Mono;

/**
 * A retention as a TTL index on a date field: MongoDB deletes a document once the field is older than the TTL.
 * The embedded mongo-java-server keeps the index but never deletes, so a service on it also sweeps.
 */
public final class TtlIndex {

  private TtlIndex() {}

  /**
   * Creates the index {@code name} on {@code field} with {@code ttl}, or changes the TTL of the existing one: a real
   * MongoDB refuses an index under an existing name with other options, which would stop the service at start.
   */
  public static Mono<Void> ensure(ReactiveMongoTemplate mongo, Class<?> type, String field, String name,
      Duration ttl) {
    ReactiveIndexOperations indexes = mongo.indexOps(type);
    return indexes.getIndexInfo()
        .filter(index -> name.equals(index.getName()) && !index.getExpireAfter().map(ttl::equals).orElse(false))
        .concatMap(stale -> changeTtl(mongo, type, name, ttl, indexes))
        .then(Mono.defer(() -> indexes.createIndex(new Index().on(field, Sort.Direction.ASC).expire(ttl).named(name))))
        .then();
  }

  private static Mono<Void> changeTtl(ReactiveMongoTemplate mongo, Class<?> type, String name, Duration ttl,
      ReactiveIndexOperations indexes) {
    Document collMod = new Document("collMod", mongo.getCollectionName(type))
        .append("index", new Document("name", name).append("expireAfterSeconds", ttl.toSeconds()));
    return mongo.executeCommand(collMod).then()
        // A server without collMod (mongo-java-server): drop it, to be created again with the new TTL.
        .onErrorResume(e -> indexes.dropIndex(name));
  }
}
