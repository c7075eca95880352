package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.plantspy.ingest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

class MongoHealthIndicatorTest {

  private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
  private final MongoHealthIndicator indicator = new MongoHealthIndicator(mongo, clock);

  @Test
  void pingsAtMostOnceASecondHoweverOftenHealthIsAsked() {
    when(mongo.executeCommand(any(Document.class))).thenAnswer(call -> Mono.just(new Document("ok", 1)));
    for (int i = 0; i < 5; i++) {
      assertThat(indicator.health().block(Duration.ofSeconds(5)).getStatus()).isEqualTo(Status.UP);
    }
    verify(mongo, times(1)).executeCommand(any(Document.class));
    clock.advance(Duration.ofMillis(1_001));
    indicator.health().block(Duration.ofSeconds(5));
    verify(mongo, times(2)).executeCommand(any(Document.class));
  }
}
