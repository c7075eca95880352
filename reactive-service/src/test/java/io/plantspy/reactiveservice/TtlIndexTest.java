package io.plantspy.reactiveservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

class TtlIndexTest {

  @Document("stamped")
  record Stamped(@Id String id, Instant at) {}

  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("ttl");

  @Test
  void createsTheIndexWithItsTtlAndChangesTheTtlWhenTheRetentionChanges() {
    TtlIndex.ensure(mongo, Stamped.class, "at", "at_ttl", Duration.ofDays(90)).block(Duration.ofSeconds(10));
    assertThat(ttlOf("at_ttl")).isEqualTo(Duration.ofDays(90));
    TtlIndex.ensure(mongo, Stamped.class, "at", "at_ttl", Duration.ofDays(30)).block(Duration.ofSeconds(10));
    assertThat(ttlOf("at_ttl")).isEqualTo(Duration.ofDays(30));
  }

  private Duration ttlOf(String name) {
    return mongo.indexOps(Stamped.class).getIndexInfo().filter(i -> name.equals(i.getName()))
        .map(i -> i.getExpireAfter().orElseThrow()).single().block(Duration.ofSeconds(10));
  }
}
