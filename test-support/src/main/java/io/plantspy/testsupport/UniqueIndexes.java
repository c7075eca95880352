package io.plantspy.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The unique indexes of a collection, as field sets: the only indexes the embedded MongoDB server (mongo-java-server
 * 1.47) uses, each for a query of exactly its fields. A store test checks that a hot query's fields are among them.
 */
public final class UniqueIndexes {

  private UniqueIndexes() {}

  public static List<Set<String>> of(ReactiveMongoTemplate mongo, String collection) {
    return mongo.indexOps(collection).getIndexInfo()
        .filter(info -> info.isUnique())
        .map(info -> info.getIndexFields().stream().map(field -> field.getKey()).collect(Collectors.toSet()))
        .collectList().block(Duration.ofSeconds(10));
  }
}
