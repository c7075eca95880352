package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static io.plantspy.ingest.ApiTestSupport.bearer;
import static io.plantspy.ingest.ApiTestSupport.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import com.sun.net.httpserver.HttpServer;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.kafka.ResultPartitions;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.ingest.mongo.IdempotencyRecord;
import io.plantspy.ingest.mongo.IdempotencyStore;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import io.plantspy.testsupport.ExportedMetrics;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The API through its real parts (security chain, controllers, MongoDB, Kafka), with a fake processor answering
 * requests: role filtering, the bad-input matrix, idempotency and URL fetching. Callers present signed tokens in
 * Keycloak's shape (see TestTokens). Every refusal must be problem JSON and leave the service healthy. Spies count
 * what the API did (token checks, MongoDB reads, Kafka sends) or make a send fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.diagnosis.results.feed",
        "plantspy.schemas"})
class DiagnosisApiTest {

  private static HttpServer images;
  private static ServerSocket silent;
  private static ServerSocket resetting;
  private static final List<Socket> held = new CopyOnWriteArrayList<>();
  private static String base;

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  @MockitoSpyBean SupplierReactiveJwtDecoder tokenCheck;
  @MockitoSpyBean DiagnosisStore diagnosisStore;
  @MockitoSpyBean KafkaTemplate<String, DiagnosisRequest> requestTemplate;
  @MockitoSpyBean IdempotencyStore keys;
  private WebTestClient client;
  private FakeProcessor processor;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    // One instance holds every results partition: no wait here may need MongoDB polling to end (see
    // waitIsAnsweredByThisInstancesListenerWithoutPollingMongo).
    registry.add("plantspy.wait.poll-initial", () -> "30s");
    registry.add("plantspy.wait.poll-max", () -> "30s");
  }

  @BeforeAll
  static void startImageServer() throws Exception {
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] png = TestImages.png(16);
    serve("/leaf.png", 200, "image/png", png, Map.of());
    serve("/page.html", 200, "text/html", "<html>hi</html>".getBytes(), Map.of());
    serve("/broken.png", 500, "text/plain", "internal error".getBytes(), Map.of());
    serve("/to-private", 302, "text/plain", new byte[0], Map.of("Location", "http://10.0.0.1/leaf.png"));
    serve("/to-metadata", 302, "text/plain", new byte[0],
        Map.of("Location", "http://169.254.169.254/latest/meta-data/"));
    serve("/to-leaf", 301, "text/plain", new byte[0], Map.of("Location", "/leaf.png"));
    images.start();
    base = "http://127.0.0.1:" + images.getAddress().getPort();
    // Accepts connections and never answers: the upstream-timeout case.
    silent = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          held.add(silent.accept());
        } catch (Exception e) {
          return;
        }
      }
    }, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
    // Resets every connection as soon as it is accepted: the server-failed case.
    resetting = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
    Thread resetter = new Thread(() -> {
      while (!resetting.isClosed()) {
        try (Socket s = resetting.accept()) {
          s.setSoLinger(true, 0);
        } catch (Exception e) {
          if (resetting.isClosed()) {
            return;
          }
        }
      }
    }, "resetting-server");
    resetter.setDaemon(true);
    resetter.start();
  }

  private static void serve(String path, int status, String type, byte[] body, Map<String, String> headers) {
    images.createContext(path, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  @AfterAll
  static void stopServers() throws Exception {
    images.stop(0);
    silent.close();
    resetting.close();
    for (Socket s : held) {
      s.close();
    }
  }

  @BeforeEach
  void setUp() {
    // The first /v3/api-docs builds the whole document, and a first request may publish the schema: more than the
    // default 5 s on a busy machine (as in LabApiTest and JobApiTest).
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    processor = new FakeProcessor(context.getEnvironment().getProperty("spring.embedded.kafka.brokers"),
        "fake-processor");
  }

  @AfterEach
  void tearDown() throws Exception {
    processor.close();
    client.get().uri("/actuator/health").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
  }

  // --- security ---

  @Test
  void noTokenIs401Problem() {
    problem(client.post().uri("/api/v1/diagnoses").body(image(TestImages.png(16))).exchange(),
        HttpStatus.UNAUTHORIZED).jsonPath("$.detail").value(d -> assertThat((String) d).contains("bearer token"));
  }

  @Test
  void expiredForgedAndForeignTokensAre401Problems() {
    for (String token : List.of(TestTokens.expired("alice", "category"), TestTokens.forged("alice", "category"),
        TestTokens.otherAudience("alice", "category"), "not.a.jwt")) {
      problem(client.get().uri("/api/v1/diagnoses/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .exchange(), HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  void aTokenWithoutSubjectIs401() {
    problem(bearer(client, TestTokens.withoutSubject("category")).get().uri("/api/v1/diagnoses/x").exchange(),
        HttpStatus.UNAUTHORIZED);
  }

  @Test
  void keycloakShapedTokenIsAcceptedWithItsRealmRoles() {
    String id = idOf(client.post().uri("/api/v1/diagnoses")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("alice", "category", "disease"))
        .body(image(TestImages.png(16))).exchange());
    assertThat(awaitSeen(id).getRequestedAnswers()).containsExactly(Answer.CATEGORY, Answer.DISEASE);
  }

  @Test
  void keycloakHousekeepingRolesAndClientRolesGrantNothing() {
    // offline_access, uma_authorization and default-roles-* only, and "category" as a client role, not a realm role.
    for (String token : List.of(TestTokens.valid("yuri"), TestTokens.withClientRoles("yuri", "category", "admin"))) {
      problem(bearer(client, token).post().uri("/api/v1/diagnoses").body(image(TestImages.png(16))).exchange(),
          HttpStatus.FORBIDDEN, "forbidden", "Forbidden");
      problem(bearer(client, token).get().uri("/actuator").exchange(), HttpStatus.FORBIDDEN, "forbidden",
          "Forbidden");
    }
  }

  @Test
  void theDecoderInUseChecksARepeatedTokenOnlyOnce() {
    String token = TestTokens.valid("tess", "category");
    for (int i = 0; i < 3; i++) {
      bearer(client, token).get().uri("/api/v1/diagnoses/" + UUID.randomUUID()).exchange()
          .expectStatus().isNotFound();
    }
    verify(tokenCheck, times(1)).decode(token);
  }

  @Test
  void actuatorBeyondHealthIsForAdminsOnly() {
    for (String path : List.of("/actuator", "/actuator/env", "/actuator/metrics")) {
      problem(client.get().uri(path).exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated");
      problem(as(client, "sam", "category", "health", "disease", "lab").get().uri(path).exchange(),
          HttpStatus.FORBIDDEN, "forbidden", "Forbidden");
    }
    as(client, "sam", "admin").get().uri("/actuator").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$._links.health.href").exists();
  }

  @Test
  void callerWithoutAnswerRoleGets403Problem() {
    problem(as(client, "lab-user", "lab").post().uri("/api/v1/diagnoses").body(image(TestImages.png(16)))
        .exchange(), HttpStatus.FORBIDDEN);
  }

  @Test
  void predictEndpointNeedsItsRole() {
    problem(as(client, "alice", "category").post().uri("/api/v1/predict/disease").body(image(TestImages.png(16)))
        .exchange(), HttpStatus.FORBIDDEN);
  }

  // --- bad images ---

  @Test
  void rejectsNonImageBytes() {
    problem(upload("<html>not an image</html>".getBytes()), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void rejectsEmptyImage() {
    problem(upload(new byte[0]), HttpStatus.BAD_REQUEST);
  }

  @Test
  void rejectsTruncatedJpeg() {
    problem(upload(TestImages.truncatedJpeg()), HttpStatus.BAD_REQUEST);
  }

  @Test
  void rejectsOversizeUpload() {
    byte[] big = new byte[1_200_000];
    System.arraycopy(TestImages.png(16), 0, big, 0, 8);
    problem(upload(big), HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void rejectsPixelBomb() {
    problem(upload(TestImages.pngBomb()), HttpStatus.CONTENT_TOO_LARGE)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("30000x30000"));
  }

  @Test
  void rejectsMalformedWait() {
    problem(as(client, "alice", "category").post().uri("/api/v1/diagnoses?wait=soon")
        .body(image(TestImages.png(16))).exchange(), HttpStatus.BAD_REQUEST);
  }

  // --- the happy path ---

  @Test
  void acceptsUploadThenServesOnlyTheAnswersTheCallerMaySee() {
    String location = as(client, "carol", "category").post().uri("/api/v1/diagnoses")
        .body(image(TestImages.png(16))).exchange()
        .expectStatus().isAccepted()
        .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/diagnoses/"))
        .expectBody().jsonPath("$.status").isEqualTo("PENDING")
        .returnResult().getResponseHeaders().getLocation().toString();

    awaitDone(location, "carol");
    as(client, "carol", "category").get().uri(location).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("DONE")
        .jsonPath("$.category.label").isEqualTo("Tomato")
        .jsonPath("$.health").doesNotExist()
        .jsonPath("$.disease").doesNotExist()
        .jsonPath("$.top3").doesNotExist()
        .jsonPath("$.predictedClass").doesNotExist()
        .jsonPath("$.unknown").isEqualTo(false)
        .jsonPath("$.modelRelease").isEqualTo(FakeProcessor.MODEL_RELEASE);
    as(client, "carol", "category", "health", "disease").get().uri(location).exchange()
        .expectBody()
        .jsonPath("$.health.label").isEqualTo("sick")
        .jsonPath("$.disease.label").isEqualTo("Early_blight")
        .jsonPath("$.top3.length()").isEqualTo(3);
  }

  @Test
  void waitReturnsTheResultWith200() {
    as(client, "dave", "health").post().uri("/api/v1/diagnoses?wait=5s").body(image(TestImages.png(16)))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("DONE").jsonPath("$.health.label").isEqualTo("sick");
    assertThat(context.getBean(ResultWaiters.class).waitingIds()).as("waiters released").isZero();
  }

  @Test
  void waitIsAnsweredByThisInstancesListenerWithoutPollingMongo() {
    // The only instance holds every results partition, so the wait must end on the listener's signal: with a poll
    // interval longer than the whole wait, the only look at MongoDB is at the deadline, which comes too late.
    ResultPartitions partitions = context.getBean(ResultPartitions.class);
    String id = UUID.randomUUID().toString();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> partitions.holdsResultOf(id));
    // The client outwaits the deadline, so a wait that ran to it fails on what it did, not on the client's timeout.
    String done = as(client.mutate().responseTimeout(Duration.ofSeconds(15)).build(), "erin", "health").post()
        .uri("/api/v1/diagnoses?wait=5s").body(image(TestImages.png(16))).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    // Had the wait lasted to its deadline, it would have read the diagnosis from MongoDB there.
    verify(diagnosisStore, never()).findOwned(eq(done), anyString());
  }

  @Test
  void predictReturnsJustThatAnswer() {
    as(client, "dave", "disease").post().uri("/api/v1/predict/disease").body(image(TestImages.png(16)))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.answer").isEqualTo("disease").jsonPath("$.label").isEqualTo("Early_blight")
        .jsonPath("$.category").doesNotExist();
  }

  @Test
  void requestedAnswersAreTheCallersAnswerRoles() {
    String id = submit("erin", TestImages.png(16), "health", "lab");
    DiagnosisRequest seen = awaitSeen(id);
    assertThat(seen.getRequestedAnswers()).extracting(Enum::name).containsExactly("HEALTH");
    assertThat(seen.getImage()).isInstanceOf(InlineImage.class);
  }

  @Test
  void largeImageTravelsAsGridFsClaimCheck() {
    byte[] png = TestImages.png(64);
    assertThat(png.length).isGreaterThan(2048);
    String id = submit("erin", png, "category");
    DiagnosisRequest seen = awaitSeen(id);
    ImageReference ref = (ImageReference) seen.getImage();
    assertThat(ref.getStore()).isEqualTo("gridfs");
    Long length = mongo.getMongoDatabase()
        .flatMap(db -> Flux.from(GridFSBuckets.create(db, "images").find(Filters.eq("_id", new ObjectId(ref.getId()))))
            .next().map(f -> f.getLength()))
        .block(Duration.ofSeconds(5));
    assertThat(length).isEqualTo(png.length);
  }

  @Test
  void anotherUsersDiagnosisLooksExactlyLikeAnUnknownOne() {
    String id = submit("frank", TestImages.png(16), "category");
    byte[] foreign = problem(as(client, "mallory", "category").get().uri("/api/v1/diagnoses/" + id).exchange(),
        HttpStatus.NOT_FOUND).jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("frank"))
        .returnResult().getResponseBody();
    problem(as(client, "mallory", "category").get().uri("/api/v1/diagnoses/00000000-0000-0000-0000-000000000000")
        .exchange(), HttpStatus.NOT_FOUND);
    assertThat(new String(foreign)).contains("\"title\":\"Diagnosis not found\"");
  }

  // --- callback URLs ---

  @Test
  void aVettedCallbackUrlTravelsWithTheRequestAndItsAbsenceStaysAbsent() {
    String id = idOf(as(client, "ivan", "category").post().uri("/api/v1/diagnoses?callbackUrl={url}",
        "http://127.0.0.1:9/hooks/plantspy").body(image(TestImages.png(16))).exchange());
    assertThat(awaitSeen(id).getCallbackUrl()).isEqualTo("http://127.0.0.1:9/hooks/plantspy");
    assertThat(awaitSeen(submit("ivan", TestImages.png(16), "category")).getCallbackUrl()).isNull();
  }

  @Test
  void callbackUrlsThatAreMalformedOrPrivateAreRefusedAndNothingIsQueued() {
    int sendsBefore = processor.seen.size();
    for (String url : List.of("ftp://example.com/hook", "http://user:pw@example.com/hook", "not a url")) {
      problem(as(client, "judy", "category").post().uri("/api/v1/diagnoses?callbackUrl={url}", url)
          .body(image(TestImages.png(16))).exchange(), HttpStatus.BAD_REQUEST, "bad-callback-url",
          "Bad callback URL");
    }
    for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest")) {
      problem(as(client, "judy", "category").post().uri("/api/v1/diagnoses?callbackUrl={url}", url)
          .body(image(TestImages.png(16))).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "refused-callback-url",
          "Callback URL refused");
    }
    // A later accepted request reaches the processor first in the one partition: nothing refused was sent.
    String later = submit("judy", TestImages.png(16), "category");
    awaitSeen(later);
    assertThat(processor.seen.subList(sendsBefore, processor.seen.size()))
        .extracting(DiagnosisRequest::getOwner).containsOnly("judy").hasSize(1);
  }

  @Test
  void sameIdempotencyKeyWithAnotherCallbackUrlIs422() {
    byte[] png = TestImages.png(16);
    // 202, or 200 when the fake processor's result was stored before the API recorded the request (then the answer
    // is the finished diagnosis).
    as(client, "karl", "category").post().uri("/api/v1/diagnoses?callbackUrl={url}", "http://127.0.0.1:9/a")
        .header("Idempotency-Key", "key-cb").body(image(png)).exchange().expectStatus().is2xxSuccessful();
    problem(as(client, "karl", "category").post().uri("/api/v1/diagnoses?callbackUrl={url}", "http://127.0.0.1:9/b")
        .header("Idempotency-Key", "key-cb").body(image(png)).exchange(), HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused", "Idempotency-Key reused");
  }

  // --- idempotency ---

  @Test
  void sameIdempotencyKeyAndBodyReplaysTheFirstRequest() {
    byte[] png = TestImages.png(20);
    String id1 = idOf(idempotent("grace", "key-2", png));
    // The replay of the first request: same diagnosis, no second Kafka record.
    String id2 = idOf(idempotent("grace", "key-2", png));
    assertThat(id2).isEqualTo(id1);
    // One partition keeps requests in the order they were sent: once a later request has reached the processor, a
    // record sent by the replay would have reached it too.
    awaitSeen(submit("grace", TestImages.png(16), "category"));
    assertThat(processor.seen.stream().filter(r -> "key-2".equals(r.getIdempotencyKey())).count()).isEqualTo(1);
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIs422() {
    idempotent("heidi", "key-x", TestImages.png(16)).expectStatus().is2xxSuccessful();
    problem(idempotent("heidi", "key-x", TestImages.png(24)), HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused", "Idempotency-Key reused");
  }

  @Test
  void keyWhoseFirstRequestIsStillBeingAcceptedIs409() {
    byte[] png = TestImages.png(21);
    idOf(idempotent("pablo", "key-done", png));
    String bodyHash = claimOf("pablo", "key-done").bodyHash();
    // What a second request sees between the first one claiming the key and recording its diagnosis: a claim for
    // the same body whose diagnosis does not exist yet.
    mongo.insert(new IdempotencyRecord(null, "pablo", "key-busy", bodyHash, UUID.randomUUID().toString(),
        Instant.now())).block(Duration.ofSeconds(5));
    problem(idempotent("pablo", "key-busy", png), HttpStatus.CONFLICT, "idempotency-key-in-progress",
        "Request in progress");
  }

  @Test
  void aKeyReleasedJustBeforeItIsLookedUpIsClaimedAgain() {
    // The claim met the first request's record, whose request then failed and released the key before the
    // record could be read: the claim finds nothing at all.
    doReturn(Mono.empty()).doCallRealMethod().when(keys).claim(eq("pia"), eq("key-r"), anyString(), anyString());
    String id = idOf(idempotent("pia", "key-r", TestImages.png(27)));
    awaitSeen(id);
  }

  @Test
  void malformedIdempotencyKeyIs400() {
    for (String key : List.of("two words", "k".repeat(201))) {
      problem(idempotent("quentin", key, TestImages.png(16)), HttpStatus.BAD_REQUEST, "bad-idempotency-key",
          "Bad Idempotency-Key");
    }
  }

  @Test
  void idempotencyKeysAreScopedPerOwner() {
    byte[] png = TestImages.png(22);
    String quinns = idOf(idempotent("quinn", "shared-key", png));
    String ritas = idOf(idempotent("rita", "shared-key", png));
    assertThat(ritas).isNotEqualTo(quinns);
    awaitSeen(quinns);
    awaitSeen(ritas);
    as(client, "rita", "category").get().uri("/api/v1/diagnoses/" + ritas).exchange().expectStatus().isOk();
    problem(as(client, "rita", "category").get().uri("/api/v1/diagnoses/" + quinns).exchange(),
        HttpStatus.NOT_FOUND);
  }

  // --- Kafka ---

  @Test
  void requestThatCannotBeQueuedIs503AndFreesItsIdempotencyKey() {
    AtomicInteger sends = new AtomicInteger();
    doAnswer(send -> sends.getAndIncrement() == 0
        ? CompletableFuture.failedFuture(new KafkaException("Send failed",
            new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata after 10000 ms.")))
        : send.callRealMethod())
        .when(requestTemplate).sendDefault(anyString(), argThat(r -> r != null && "olga".equals(r.getOwner())));
    byte[] png = TestImages.png(23);
    problem(idempotent("olga", "key-q", png), HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable",
        "Cannot accept now");
    // The failed request gave its key back: the retry is a new request that reaches the processor.
    awaitSeen(idOf(idempotent("olga", "key-q", png)));
    assertThat(sends).hasValue(2);
  }

  // --- URL fetching ---

  @Test
  void fetchesAnImageFromAnAllowlistedUrlFollowingARedirect() {
    String id = urlSubmit(base + "/to-leaf").expectStatus().isAccepted()
        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    DiagnosisRequest seen = awaitSeen(id);
    assertThat(seen.getSource().name()).isEqualTo("URL");
  }

  @Test
  void refusesPrivateLinkLocalAndLoopbackAddresses() {
    for (String url : List.of("http://127.0.0.2/leaf.png", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/leaf.png", "http://[::ffff:10.0.0.1]/leaf.png", "http://[fd00::1]/x.png")) {
      problem(urlSubmit(url), HttpStatus.UNPROCESSABLE_CONTENT)
          .jsonPath("$.detail").value(d -> assertThat((String) d).contains("not a public address"));
    }
  }

  @Test
  void refusesRedirectsToPrivateAddresses() {
    problem(urlSubmit(base + "/to-private"), HttpStatus.UNPROCESSABLE_CONTENT);
    problem(urlSubmit(base + "/to-metadata"), HttpStatus.UNPROCESSABLE_CONTENT);
  }

  @Test
  void refusesHtml() {
    problem(urlSubmit(base + "/page.html"), HttpStatus.UNPROCESSABLE_CONTENT)
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("text/html"));
  }

  @Test
  void failingServerIsABadGateway() {
    problem(urlSubmit(base + "/broken.png"), HttpStatus.BAD_GATEWAY, "image-url-failed", "Image URL failed")
        .jsonPath("$.detail").value(d -> assertThat((String) d).contains("HTTP 500"));
    problem(urlSubmit("http://127.0.0.1:" + resetting.getLocalPort() + "/leaf.png"), HttpStatus.BAD_GATEWAY,
        "image-url-failed", "Image URL failed");
  }

  @Test
  void silentServerIsAGatewayTimeout() {
    problem(urlSubmit("http://127.0.0.1:" + silent.getLocalPort() + "/leaf.png"), HttpStatus.GATEWAY_TIMEOUT);
  }

  @Test
  void refusesNonHttpAndMalformedUrls() {
    problem(urlSubmit("file:///etc/passwd"), HttpStatus.BAD_REQUEST);
    problem(urlSubmit("http://"), HttpStatus.BAD_REQUEST);
    problem(as(client, "ivan", "category").post().uri("/api/v1/diagnoses").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{not json").exchange(), HttpStatus.BAD_REQUEST);
  }

  // --- platform ---

  @Test
  void servesProbesOpenApiAndCorsForAllowedOriginsOnly() {
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/api/v1/diagnoses']").exists();
    client.options().uri("http://api.plantspy.test/api/v1/diagnoses").header(HttpHeaders.ORIGIN, "https://app.plantspy.test")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.plantspy.test");
    client.options().uri("http://api.plantspy.test/api/v1/diagnoses").header(HttpHeaders.ORIGIN, "https://evil.test")
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
        .expectStatus().isForbidden();
  }

  // --- observability ---

  @Test
  void oneTraceFollowsADiagnosisFromTheCallThroughItsRequestAndResultRecordsToTheStoredDiagnosis() {
    // The caller's own trace (W3C traceparent) is continued, so its id is known before the call.
    String traceId = UUID.randomUUID().toString().replace("-", "");
    Map<?, ?> answer = as(client, "tess", "category").post().uri("/api/v1/diagnoses?wait=10s")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .body(image(TestImages.png(16))).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    String id = answer.get("id").toString();

    assertThat(traceIdOf(processor.traceparents.get(id))).as("request record's traceparent").isEqualTo(traceId);
    assertThat(traceIdOf(resultRecordTraceparent(id))).as("result record's traceparent").isEqualTo(traceId);
    assertThat(mongo.findById(id, DiagnosisDocument.class).block(Duration.ofSeconds(5)).result().traceId())
        .as("stored diagnosis").isEqualTo(traceId);
    assertThat(answer.get("traceId")).as("the answer").isEqualTo(traceId);
    as(client, "tess", "category").get().uri("/api/v1/diagnoses/" + id).exchange()
        .expectBody().jsonPath("$.traceId").isEqualTo(traceId);
  }

  @Test
  void aCallWithoutTraceparentStartsATraceThatTheStoredDiagnosisNames() {
    String id = as(client, "tess", "category").post().uri("/api/v1/diagnoses?wait=10s")
        .body(image(TestImages.png(16))).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

    String traceId = traceIdOf(processor.traceparents.get(id));
    assertThat(traceId).as("request record's trace id").matches("[0-9a-f]{32}");
    assertThat(mongo.findById(id, DiagnosisDocument.class).block(Duration.ofSeconds(5)).result().traceId())
        .isEqualTo(traceId);
  }

  @Test
  void servesPrometheusMetricsWithoutAToken() {
    // A diagnosis first, so the Kafka clients have connected and the listener has stored a result.
    as(client, "tess", "category").post().uri("/api/v1/diagnoses?wait=10s").body(image(TestImages.png(16)))
        .exchange().expectStatus().isOk();
    await("every listed metric scraped").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      String scrape = client.get().uri("/actuator/prometheus").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(scrape).contains("plantspy_results_skipped_total{application=\"plantspy-ingest-api\"");
      assertThat(ExportedMetrics.of("ingest-api").missingFrom(scrape))
          .as("listed names without a sample").isEmpty();
    });
  }

  private static String traceIdOf(String traceparent) {
    return traceparent == null ? null : traceparent.split("-")[1];
  }

  /** The traceparent header of the result record of diagnosis {@code id}, read from the results topic. */
  private String resultRecordTraceparent(String id) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.getEnvironment().getProperty("spring.embedded.kafka.brokers"),
        ConsumerConfig.GROUP_ID_CONFIG, "trace-check-" + id,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("plantspy.diagnosis.results"));
      List<String> found = new ArrayList<>();
      await("the result record").atMost(Duration.ofSeconds(20)).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Header header = record.headers().lastHeader("traceparent");
          if (id.equals(record.key()) && header != null) {
            found.add(new String(header.value(), StandardCharsets.US_ASCII));
          }
        }
        return !found.isEmpty();
      });
      return found.get(0);
    }
  }

  // --- helpers ---

  private WebTestClient.ResponseSpec upload(byte[] bytes) {
    return as(client, "alice", "category").post().uri("/api/v1/diagnoses").body(image(bytes)).exchange();
  }

  private WebTestClient.ResponseSpec urlSubmit(String url) {
    return as(client, "ivan", "category").post().uri("/api/v1/diagnoses").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", url)).exchange();
  }

  private WebTestClient.ResponseSpec idempotent(String owner, String key, byte[] png) {
    return as(client, owner, "category").post().uri("/api/v1/diagnoses").header("Idempotency-Key", key)
        .body(image(png)).exchange();
  }

  private static String idOf(WebTestClient.ResponseSpec response) {
    return response.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody()
        .get("id").toString();
  }

  private String submit(String owner, byte[] png, String... roles) {
    return idOf(as(client, owner, roles).post().uri("/api/v1/diagnoses").body(image(png)).exchange());
  }

  @Test
  void aCameraFramesResultFromTheFeedResultsTopicIsServedLikeAnUploads() throws Exception {
    // As the feed gateway writes a frame: straight to the requests topic, source FEED; the processor answers it on
    // the feed results topic.
    String id = UUID.randomUUID().toString();
    DiagnosisRequest frame = DiagnosisRequest.newBuilder()
        .setId(id)
        .setOwner("fay")
        .setRequestedAnswers(List.of(Answer.CATEGORY))
        .setSource(RequestSource.FEED)
        .setImage(new InlineImage(ByteBuffer.wrap(TestImages.png(16))))
        .setContentType("image/png")
        .setSizeBytes(TestImages.png(16).length)
        .setMetadata(Map.of())
        .setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build();
    requestTemplate.send("plantspy.diagnosis.requests", id, frame).get(10, TimeUnit.SECONDS);

    awaitDone("/api/v1/diagnoses/" + id, "fay");
  }

  private DiagnosisRequest awaitSeen(String id) {
    return await("request " + id + " reaching Kafka").atMost(Duration.ofSeconds(10))
        .until(() -> processor.seen.stream().filter(r -> r.getId().equals(id)).findFirst().orElse(null),
            r -> r != null);
  }

  private void awaitDone(String location, String owner) {
    await(location + " completing").atMost(Duration.ofSeconds(10))
        .until(() -> as(client, owner, "category").get().uri(location).exchange().expectBody(Map.class)
            .returnResult().getResponseBody().get("status"), "DONE"::equals);
  }

  private IdempotencyRecord claimOf(String owner, String key) {
    return mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("key").is(key)), IdempotencyRecord.class)
        .block(Duration.ofSeconds(5));
  }

  private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status) {
    return response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(status.value())
        .jsonPath("$.detail").isNotEmpty();
  }

  /** A problem of the given type ({@code https://plantspy.io/problems/<slug>}) and title. */
  private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status,
      String slug, String title) {
    return problem(response, status)
        .jsonPath("$.type").isEqualTo("https://plantspy.io/problems/" + slug)
        .jsonPath("$.title").isEqualTo(title);
  }
}
