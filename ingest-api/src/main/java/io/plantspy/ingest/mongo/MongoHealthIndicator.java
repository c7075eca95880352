package io.plantspy.ingest.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} component "mongo", by the {@code ping} command. Replaces Spring Boot's indicator (this
 * bean's name makes it back off), which asks {@code hello}: the embedded mongo-java-server does not know that
 * command, so the API reported itself DOWN while MongoDB served every request. In the readiness group: without
 * MongoDB no diagnosis can be accepted. A result is reused for a second, so probes and load balancers polling
 * health cannot turn into a stream of pings (the readiness group's path is not cached by the endpoint itself).
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator implements ReactiveHealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(MongoHealthIndicator.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REUSE = Duration.ofSeconds(1);

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;
  private volatile Checked last;

  @Autowired
  public MongoHealthIndicator(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  private record Checked(Instant at, Mono<Health> health) {}

  @Override
  public Mono<Health> health() {
    Checked seen = last;
    Instant now = clock.instant();
    if (seen == null || !now.isBefore(seen.at().plus(REUSE))) {
      // cache(): concurrent callers within the second share one ping and its answer.
      seen = new Checked(now, ping().cache());
      last = seen;
    }
    return seen.health();
  }

  private Mono<Health> ping() {
    return mongo.executeCommand(new Document("ping", 1))
        .timeout(TIMEOUT)
        .map(reply -> Health.up().build())
        .onErrorResume(e -> {
          log.warn("MongoDB health check failed: {}", e.toString());
          return Mono.just(Health.down(e).build());
        });
  }
}
