package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The result listener under faults. MongoDB goes away while results arrive, for longer than any fixed number of
 * quick retries lasts, and comes back on the same port with its data: every result polled meanwhile must be stored
 * then, none dropped. And a result that can never be stored must not hold up the ones after it. One API instance
 * with its own Kafka and its own MongoDB wire server, which is stopped and started again.
 */
class ResultListenerFaultsIT {

  /** Failed store attempts the outage must last for: more than the few a fixed back-off would make. */
  private static final int FAILED_ATTEMPTS = 10;

  // Stopping the server closes its backend, which drops the data: this one keeps it, as a restarted mongod would.
  private static final MemoryBackend BACKEND = new MemoryBackend() {
    @Override
    public void close() {}
  };

  private static EmbeddedKafkaKraftBroker kafka;
  private static MongoServer mongo;
  private static int mongoPort;
  private static ConfigurableApplicationContext api;

  @BeforeAll
  static void start() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "plantspy.diagnosis.requests", "plantspy.diagnosis.results");
    kafka.afterPropertiesSet();
    mongo = new MongoServer(BACKEND);
    mongo.bind("127.0.0.1", 0);
    mongoPort = mongo.getLocalAddress().getPort();
    api = new SpringApplicationBuilder(IngestApiApplication.class).profiles("test").run(
        "--server.port=0",
        "--spring.embedded.kafka.brokers=" + kafka.getBrokersAsString(),
        "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/plantspy",
        "--plantspy.security.jwk-set-uri=" + TestTokens.jwksUri(),
        // Each store attempt fails fast while MongoDB is away, and retries come quickly, so the outage is short.
        "--plantspy.mongo.server-selection-timeout=500ms",
        "--plantspy.results.retry.initial-interval=100ms",
        "--plantspy.results.retry.max-interval=500ms");
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    mongo.shutdownNow();
    kafka.destroy();
  }

  @Test
  void resultsPolledWhileMongoDbIsDownAreStoredOnceItIsBack() throws Exception {
    WebTestClient client = client();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(client.post().uri("/api/v1/diagnoses").body(ApiTestSupport.image(TestImages.png(16 + i))).exchange()
          .expectStatus().isAccepted()
          .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
    }

    mongo.shutdownNow();
    MeterRegistry meters = api.getBean(MeterRegistry.class);
    try (FakeProcessor processor = new FakeProcessor(kafka.getBrokersAsString(), "fake-processor-outage")) {
      await("the results reaching the listener and failing to be stored " + FAILED_ATTEMPTS + " times")
          .atMost(Duration.ofSeconds(60))
          .until(() -> meters.counter("plantspy.results.store.failures").count() >= FAILED_ATTEMPTS);
      assertThat(processor.seen).extracting(r -> r.getId()).containsAll(ids);

      restartMongoOnTheSamePort();

      for (String id : ids) {
        await(id + " stored after the outage").atMost(Duration.ofSeconds(30)).until(() -> client.get()
            .uri("/api/v1/diagnoses/" + id).exchange().expectBody(Map.class).returnResult().getResponseBody()
            .get("status"), "DONE"::equals);
      }
    }
  }

  @Test
  void aResultThatDoesNotDecodeIsSkippedWithoutHoldingUpTheResultsAfterIt() throws Exception {
    MeterRegistry meters = api.getBean(MeterRegistry.class);
    double skippedBefore = meters.counter("plantspy.results.skipped").count();
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()), new StringSerializer(),
        new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>("plantspy.diagnosis.results", "not-a-result", "garbage".getBytes())).get();
    }
    WebTestClient client = client();
    String id = client.post().uri("/api/v1/diagnoses").body(ApiTestSupport.image(TestImages.png(20))).exchange()
        .expectStatus().isAccepted()
        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

    try (FakeProcessor processor = new FakeProcessor(kafka.getBrokersAsString(), "fake-processor-poison")) {
      await(id + " stored after the unreadable result").atMost(Duration.ofSeconds(30)).until(() -> client.get()
          .uri("/api/v1/diagnoses/" + id).exchange().expectBody(Map.class).returnResult().getResponseBody()
          .get("status"), "DONE"::equals);
    }
    assertThat(meters.counter("plantspy.results.skipped").count()).isEqualTo(skippedBefore + 1);
  }

  private static WebTestClient client() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port"))
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("uma", "category"))
        .responseTimeout(Duration.ofSeconds(30)).build();
  }

  private static void restartMongoOnTheSamePort() {
    mongo = new MongoServer(BACKEND);
    // The port may take a moment to be free again after the old server's sockets closed.
    await("MongoDB listening again on " + mongoPort).atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> {
          mongo.bind("127.0.0.1", mongoPort);
          return true;
        });
  }
}
