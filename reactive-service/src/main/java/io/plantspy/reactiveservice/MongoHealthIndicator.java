package io.plantspy.reactiveservice;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Health component "mongo" by {@code ping}, replacing Spring Boot's (this bean's name makes it back off), which
 * asks {@code hello}, a command the embedded mongo-java-server does not know. The services put it in their
 * readiness group: without MongoDB they can neither read nor record anything.
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator implements ReactiveHealthIndicator {

  private final ReactiveMongoTemplate mongo;

  public MongoHealthIndicator(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Mono<Health> health() {
    return mongo.executeCommand(new Document("ping", 1))
        .map(answer -> Health.up().build())
        .timeout(Duration.ofSeconds(3))
        .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.toString()).build()));
  }
}
