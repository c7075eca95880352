package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;

import io.plantspy.ingest.diagnosis.DiagnosisProperties;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.ingest.mongo.IdempotencyRecord;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The order of accepting a request under faults, through the real API, Kafka and MongoDB: a caller is told
 * "accepted" only for a request that is on Kafka, an attempt that died before queuing is queued once by a retry
 * after the claim lease, and a failure after queuing keeps the Idempotency-Key so a retry does not queue the work
 * twice. A spied KafkaTemplate holds or fails a send; the API's clock is moved by hand past the lease.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class AcceptOrderTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.now());

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  @Autowired DiagnosisProperties props;
  @MockitoSpyBean KafkaTemplate<String, DiagnosisRequest> requestTemplate;
  @MockitoSpyBean DiagnosisStore diagnosisStore;
  @TestBean Clock clock;
  private WebTestClient client;
  private FakeProcessor processor;

  static Clock clock() {
    return CLOCK;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
  }

  @BeforeEach
  void setUp() {
    // Outwaits the held sends below, so a request that never answers fails the test by what it did.
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(20)).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (processor != null) {
      processor.close();
    }
  }

  @Test
  void aRetryWhileTheFirstAttemptsPublishIsFailingIsNeverToldAccepted() {
    CompletableFuture<SendResult<String, DiagnosisRequest>> firstSend = new CompletableFuture<>();
    AtomicInteger sends = holdFirstSendOf("rosa", firstSend);
    byte[] png = TestImages.png(25);

    CompletableFuture<HttpStatus> first = CompletableFuture.supplyAsync(() -> statusOf(idempotent("rosa", "k1", png)));
    await().atMost(Duration.ofSeconds(10)).until(() -> sends.get() == 1);
    // The first attempt holds the key and its send is in flight: its request is not on Kafka.
    problem(idempotent("rosa", "k1", png), HttpStatus.CONFLICT, "idempotency-key-in-progress");

    firstSend.completeExceptionally(new KafkaException("Send failed"));
    assertThat(first.join()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

    // The failed attempt gave the key back: the next retry is queued, and it is the only record with that key.
    processor = new FakeProcessor(brokers(), "accept-order-" + UUID.randomUUID());
    String retried = idOf(idempotent("rosa", "k1", png));
    awaitSeen(retried);
    assertThat(seenWithKey("k1")).isEqualTo(1);
  }

  @Test
  void anAttemptThatDiedBeforeQueuingIsQueuedOnceByARetryAfterTheClaimLease() {
    // The first attempt's send never completes: as if the API died between claiming the key and publishing.
    AtomicInteger sends = holdFirstSendOf("sven", new CompletableFuture<>());
    byte[] png = TestImages.png(26);
    CompletableFuture.runAsync(() -> idempotent("sven", "k2", png));
    await().atMost(Duration.ofSeconds(10)).until(() -> sends.get() == 1);
    String claimed = claimOf("sven", "k2").diagnosisId();

    problem(idempotent("sven", "k2", png), HttpStatus.CONFLICT, "idempotency-key-in-progress");

    CLOCK.advance(props.claimLease());
    processor = new FakeProcessor(brokers(), "accept-order-" + UUID.randomUUID());
    String retried = idOf(idempotent("sven", "k2", png));
    assertThat(retried).as("the retry queues the claimed diagnosis").isEqualTo(claimed);
    awaitSeen(retried);
    awaitDone(retried, "sven");
    // A later request reaching the processor means a second record with the key would have reached it too.
    awaitSeen(idOf(as(client, "sven", "category").post().uri("/api/v1/diagnoses").body(image(png)).exchange()));
    assertThat(seenWithKey("k2")).isEqualTo(1);
  }

  @Test
  void aFailedWaitKeepsTheKeySoTheRetryReplaysTheQueuedRequest() {
    doAnswer(call -> Mono.error(new IllegalStateException("the wait broke")))
        .when(diagnosisStore).awaitSettled(argThat(d -> d != null && "tove".equals(d.owner())), any(), any());
    byte[] png = TestImages.png(27);

    // No processor yet, so the first request is still pending when it starts to wait.
    String first = as(client, "tove", "category").post().uri("/api/v1/diagnoses?wait=5s")
        .header("Idempotency-Key", "k3").body(image(png)).exchange()
        .expectStatus().isAccepted()
        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

    assertThat(idOf(idempotent("tove", "k3", png))).isEqualTo(first);
    processor = new FakeProcessor(brokers(), "accept-order-" + UUID.randomUUID());
    awaitSeen(first);
    awaitSeen(idOf(as(client, "tove", "category").post().uri("/api/v1/diagnoses").body(image(png)).exchange()));
    assertThat(seenWithKey("k3")).isEqualTo(1);
  }

  @Test
  void aRequestQueuedButNotRecordedIsAcceptedAndItsResultCreatesTheDiagnosis() {
    // MongoDB fails between the publish and the PENDING record (as it would were the API to die there).
    doAnswer(call -> Mono.error(new IllegalStateException("MongoDB went away")))
        .when(diagnosisStore).insertPending(argThat(d -> d != null && "ulla".equals(d.owner())));
    processor = new FakeProcessor(brokers(), "accept-order-" + UUID.randomUUID());

    String id = idOf(as(client, "ulla", "category").post().uri("/api/v1/diagnoses").body(image(TestImages.png(28)))
        .exchange());

    awaitDone(id, "ulla");
  }

  // --- helpers ---

  /** Makes the first send of {@code owner}'s requests return {@code held}; counts that owner's sends. */
  private AtomicInteger holdFirstSendOf(String owner,
      CompletableFuture<SendResult<String, DiagnosisRequest>> held) {
    AtomicInteger sends = new AtomicInteger();
    doAnswer(send -> sends.getAndIncrement() == 0 ? held : send.callRealMethod())
        .when(requestTemplate).sendDefault(anyString(), argThat(r -> r != null && owner.equals(r.getOwner())));
    return sends;
  }

  private WebTestClient.ResponseSpec idempotent(String owner, String key, byte[] png) {
    return as(client, owner, "category").post().uri("/api/v1/diagnoses").header("Idempotency-Key", key)
        .body(image(png)).exchange();
  }

  private static HttpStatus statusOf(WebTestClient.ResponseSpec response) {
    return HttpStatus.valueOf(response.returnResult(Void.class).getStatus().value());
  }

  /** The id of an accepted request: 202, or 200 when its result was stored before the answer was written. */
  private static String idOf(WebTestClient.ResponseSpec response) {
    return response.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody()
        .get("id").toString();
  }

  private static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String slug) {
    response.expectStatus().isEqualTo(status)
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/" + slug);
  }

  private String brokers() {
    return context.getEnvironment().getProperty("spring.embedded.kafka.brokers");
  }

  private void awaitSeen(String id) {
    await("request " + id + " reaching Kafka").atMost(Duration.ofSeconds(10))
        .until(() -> processor.seen.stream().anyMatch(r -> r.getId().equals(id)));
  }

  private long seenWithKey(String key) {
    return processor.seen.stream().filter(r -> key.equals(r.getIdempotencyKey())).count();
  }

  private void awaitDone(String id, String owner) {
    await(id + " completing").atMost(Duration.ofSeconds(10))
        .until(() -> as(client, owner, "category").get().uri("/api/v1/diagnoses/" + id).exchange()
            .expectBody(Map.class).returnResult().getResponseBody().get("status"), "DONE"::equals);
  }

  private IdempotencyRecord claimOf(String owner, String key) {
    return mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("key").is(key)), IdempotencyRecord.class)
        .block(Duration.ofSeconds(5));
  }
}
