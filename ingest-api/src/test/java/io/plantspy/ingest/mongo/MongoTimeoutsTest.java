package io.plantspy.ingest.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.plantspy.testsupport.SilentServer;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MongoTimeoutsTest {

  @Test
  void aDatabaseThatNeverAnswersFailsTheCallInsteadOfHangingIt() throws Exception {
    try (SilentServer silent = new SilentServer("silent-mongo")) {
      MongoClientSettings.Builder builder = MongoClientSettings.builder()
          .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + silent.port() + "/plantspy"));
      new MongoTimeouts().boundedMongoCalls(new MongoTimeoutProperties(Duration.ofMillis(500), Duration.ofSeconds(1)))
          .customize(builder);
      try (MongoClient client = MongoClients.create(builder.build())) {
        Mono<Document> find = Mono.from(client.getDatabase("plantspy").getCollection("diagnoses").find().first());
        // block() gives up after 20 s, below the driver's default server selection timeout (30 s): only the 1 s
        // bound under test makes the driver fail first (with a MongoException, not block()'s IllegalStateException).
        assertThatThrownBy(() -> find.block(Duration.ofSeconds(20))).isInstanceOf(MongoException.class);
      }
    }
  }

  @Test
  void rejectsNonPositiveTimeouts() {
    assertThatThrownBy(() -> new MongoTimeoutProperties(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
