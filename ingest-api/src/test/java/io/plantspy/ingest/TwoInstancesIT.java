package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.kafka.KafkaConfig;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two API instances on random ports sharing one Kafka and one MongoDB. Instance A's result listener is stopped,
 * so the result can only be stored by B; a caller waiting on A must still get it, because the wait polls the
 * shared store instead of in-memory state, and the document B created from the result must end with A's request.
 */
class TwoInstancesIT {

  private static EmbeddedKafkaKraftBroker kafka;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void start() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "plantspy.diagnosis.requests", "plantspy.diagnosis.results");
    kafka.afterPropertiesSet();
    a = instance();
    b = instance();
  }

  private static ConfigurableApplicationContext instance() {
    // Arguments, not default properties: those rank below application.yaml and would lose to its values.
    return new SpringApplicationBuilder(IngestApiApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.embedded.kafka.brokers=" + kafka.getBrokersAsString(),
        "--spring.mongodb.uri=" + TestMongo.uri(),
        "--plantspy.security.jwk-set-uri=" + TestTokens.jwksUri(),
        "--plantspy.wait.max=25s");
  }

  @AfterAll
  static void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    kafka.destroy();
  }

  @Test
  void instanceAnswersWhenTheOtherInstanceStoredTheResult() throws Exception {
    a.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(KafkaConfig.RESULTS_LISTENER).stop();
    String token = TestTokens.valid("zoe", "category", "health", "disease");
    try (FakeProcessor processor = new FakeProcessor(kafka.getBrokersAsString(), "fake-processor-it")) {
      WebTestClient clientA = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(a))
          .responseTimeout(Duration.ofSeconds(30)).build();
      Map<?, ?> body = clientA.post().uri("/api/v1/diagnoses?wait=25s")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .body(ApiTestSupport.image(TestImages.png(16)))
          .exchange()
          .expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      assertThat(body.get("status")).isEqualTo("DONE");
      assertThat(((Map<?, ?>) body.get("disease")).get("label")).isEqualTo("Early_blight");

      WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(b)).build()
          .get().uri("/api/v1/diagnoses/" + body.get("id"))
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.status").isEqualTo("DONE");
      // B created the document from the result alone; A, which was waiting unrecorded, added its request's fields.
      DiagnosisDocument stored = a.getBean(ReactiveMongoTemplate.class)
          .findById(body.get("id").toString(), DiagnosisDocument.class).block(Duration.ofSeconds(5));
      assertThat(stored.requestedAnswers()).containsExactlyInAnyOrder("CATEGORY", "HEALTH", "DISEASE");
      assertThat(stored.source()).isEqualTo("UPLOAD");
    }
  }

  private static String port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getProperty("local.server.port");
  }
}
