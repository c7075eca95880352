package io.plantspy.ingest.mongo;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} component "mongo", by the {@code ping} command. Replaces Spring Boot's indicator (this
 * bean's name makes it back off), which asks {@code hello}: the embedded mongo-java-server does not know that
 * command, so the API reported itself DOWN while MongoDB served every request. In the readiness group: without
 * MongoDB no diagnosis can be accepted.
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ReactiveMongoTemplate mongo;

  public MongoHealthIndicator(ReactiveMongoTemplate mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return mongo.executeCommand(new Document("ping", 1))
        .timeout(TIMEOUT)
        .map(reply -> builder.up().build());
  }
}
