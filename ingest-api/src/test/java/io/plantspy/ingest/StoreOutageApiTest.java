package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * MongoDB going away under a running API: every path that touches it (claiming an Idempotency-Key, reading a
 * diagnosis, accepting one, the look at the end of a wait) answers 503 {@code store-unavailable} problem JSON with
 * {@code Retry-After}, never a 500. The API has its own MongoDB here, stopped by the tests and started again after
 * each on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class StoreOutageApiTest {

  private static final int PORT = freePort();
  private static MongoServer mongoServer = start();

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  private WebTestClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/plantspy");
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    registry.add("plantspy.mongo.server-selection-timeout", () -> "1s");
    registry.add("plantspy.retry-after.unavailable", () -> "7s");
  }

  @BeforeEach
  void setUp() {
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(20)).build();
    if (mongoServer == null) {
      mongoServer = start();
    }
  }

  @AfterEach
  void restart() {
    if (mongoServer == null) {
      mongoServer = start();
    }
  }

  @Test
  void claimingAnIdempotencyKeyWhileTheStoreIsDownIs503WithRetryAfter() {
    stopMongo();
    unavailable(as(client, "alice", "category").post().uri("/api/v1/diagnoses").header("Idempotency-Key", "k-1")
        .body(image(TestImages.png(16))).exchange());
  }

  @Test
  void readingADiagnosisWhileTheStoreIsDownIs503WithRetryAfter() {
    stopMongo();
    unavailable(as(client, "alice", "category").get().uri("/api/v1/diagnoses/some-id").exchange());
  }

  @Test
  void aRequestQueuedWhileTheStoreIsDownIsAcceptedNotRefused() {
    // Published first, recorded after: once it is on Kafka it will be answered (the result listener records it when
    // the store is back), so a 503 would only make a caller without an Idempotency-Key queue it twice.
    stopMongo();
    as(client, "alice", "category").post().uri("/api/v1/diagnoses").body(image(TestImages.png(16))).exchange()
        .expectStatus().isAccepted()
        .expectHeader().exists(HttpHeaders.LOCATION);
  }

  @Test
  void aWaitWhoseStoreGoesDownEndsAcceptedForTheQueuedRequest() throws Exception {
    // Nothing answers requests here, so the wait runs to its deadline and then looks in the store once more. With
    // an Idempotency-Key the request is recorded before it waits, which tells the test that it is waiting.
    CompletableFuture<WebTestClient.ResponseSpec> response = CompletableFuture.supplyAsync(() ->
        as(client, "bob", "category").post().uri("/api/v1/diagnoses?wait=4s").header("Idempotency-Key", "k-2")
            .body(image(TestImages.png(17))).exchange());
    await("the waiting diagnosis stored").atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
        mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("owner").is("bob")), DiagnosisDocument.class)
            .block(Duration.ofSeconds(5))));
    stopMongo();
    // The request is queued: the caller is told where to look (which answers 503 until the store is back).
    response.get(20, TimeUnit.SECONDS).expectStatus().isAccepted().expectHeader().exists(HttpHeaders.LOCATION);
  }

  @Test
  void aWaitWithoutKeyWhoseStoreIsDownEndsAcceptedForTheQueuedRequest() {
    // Such a request touches the store only once its wait has ended: for the look at the deadline, then to record
    // it PENDING. Both fail here; it is queued all the same.
    stopMongo();
    as(client, "carl", "category").post().uri("/api/v1/diagnoses?wait=1s").body(image(TestImages.png(18)))
        .exchange()
        .expectStatus().isAccepted()
        .expectHeader().exists(HttpHeaders.LOCATION);
  }

  private static void unavailable(WebTestClient.ResponseSpec response) {
    response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
            .containsEntry("type", "https://plantspy.io/problems/store-unavailable")
            .containsEntry("status", 503));
  }

  private static void stopMongo() {
    mongoServer.shutdownNow();
    mongoServer = null;
  }

  private static MongoServer start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", PORT);
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
