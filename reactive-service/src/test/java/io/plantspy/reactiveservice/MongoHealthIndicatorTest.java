package io.plantspy.reactiveservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClients;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

class MongoHealthIndicatorTest {

  @Test
  void isUpWhenTheEmbeddedServerAnswersPing() {
    Health health = new MongoHealthIndicator(TestMongo.freshReactiveDatabase("health")).health()
        .block(Duration.ofSeconds(10));
    assertThat(health.getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void isDownWithTheErrorWhenNoServerAnswers() {
    // A port nobody listens on, with a short selection timeout: the ping fails instead of hanging.
    try (var client = MongoClients.create("mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=500")) {
      Health health = new MongoHealthIndicator(new ReactiveMongoTemplate(client, "none")).health()
          .block(Duration.ofSeconds(10));
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("error");
    }
  }
}
