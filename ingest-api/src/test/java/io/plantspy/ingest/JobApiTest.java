package io.plantspy.ingest;

import static io.plantspy.ingest.ApiTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.plantspy.ingest.job.JobReconciler;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Bulk jobs through the real parts: security chain with signed realm tokens, streamed JSONL, multipart and zip
 * bodies, image vetting and the SSRF-safe fetcher (against a local image server), MongoDB, the embedded broker. The
 * processor's side is {@link BulkTopics}: it reads the bulk topic and writes results on the bulk results topic when a
 * test says so, which the API's job listener counts. One partition per topic, so "nothing published" is checked by publishing a later job
 * and finding none of the refused job's items before it. Each test has its own owner, as they share the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results",
    "plantspy.diagnosis.requests.bulk", "plantspy.diagnosis.results.bulk", "plantspy.jobs.cancellations", "plantspy.jobs.events", "plantspy.schemas"})
class JobApiTest {

  private static final String JOBS = "/api/v1/jobs";
  private static HttpServer images;
  private static String base;
  private static int nextImage = 8;

  @Autowired ApplicationContext context;
  @Autowired ReactiveMongoTemplate mongo;
  @Autowired JobReconciler reconciler;
  @Autowired KafkaListenerEndpointRegistry listeners;
  private WebTestClient client;
  private BulkTopics bulk;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
    registry.add("plantspy.jobs.max-open-jobs", () -> "2");
    registry.add("plantspy.jobs.max-archive-entries", () -> "20");
    registry.add("plantspy.jobs.max-items", () -> "25");
    // The tests reconcile by hand.
    registry.add("plantspy.jobs.reconcile-interval", () -> "1h");
  }

  @BeforeAll
  static void startImageServer() throws IOException {
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serve("/leaf-1.png", "image/png", TestImages.png(16));
    serve("/leaf-2.png", "image/png", TestImages.png(64));
    serve("/page.html", "text/html", "<html>not a leaf</html>".getBytes(StandardCharsets.UTF_8));
    images.start();
    base = "http://127.0.0.1:" + images.getAddress().getPort();
  }

  private static void serve(String path, String type, byte[] body) {
    images.createContext(path, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  @AfterAll
  static void stopImageServer() {
    images.stop(0);
  }

  @BeforeEach
  void setUp() {
    // The first submission also publishes the schema and fetches the topic's metadata: slow on a busy machine.
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    bulk = new BulkTopics(context.getEnvironment().getProperty("spring.embedded.kafka.brokers"));
  }

  @AfterEach
  void tearDown() {
    bulk.close();
  }

  @Test
  void jsonlJobFetchesEachUrlAndCompletesWhenEveryResultIsCounted() {
    WebTestClient user = as(client, "jo-jsonl", "category", "health", "disease");
    String body = """
        {"customId": "a", "url": "%1$s/leaf-1.png"}

        {"customId": "b", "url": "%1$s/leaf-2.png"}
        {"customId": "c", "url": "%1$s/page.html"}
        """.formatted(base);

    Map<String, Object> job = accepted(user.post().uri(JOBS).contentType(MediaType.APPLICATION_NDJSON)
        .bodyValue(body));

    String id = (String) job.get("id");
    assertThat(job.get("status")).isEqualTo("in_progress");
    assertThat(counts(job)).containsEntry("total", 3).containsEntry("failed", 1);
    List<DiagnosisRequest> items = bulk.awaitItems(id, 2);
    assertThat(items).extracting(r -> r.getMetadata().get("customId")).containsExactly("a", "b");
    assertThat(items).allSatisfy(r -> {
      assertThat(r.getSource()).isEqualTo(RequestSource.BULK);
      assertThat(r.getOwner()).isEqualTo("jo-jsonl");
      assertThat(r.getMetadata()).containsEntry("jobId", id);
    });
    // The small image rides inline, the larger one in the GridFS claim check, as for single uploads.
    assertThat(items.get(0).getImage()).isInstanceOf(InlineImage.class);
    assertThat(items.get(1).getImage()).isInstanceOf(ImageReference.class);

    bulk.answer(items);

    Map<String, Object> done = awaitStatus(user, id, "completed");
    assertThat(counts(done)).containsEntry("total", 3).containsEntry("completed", 2).containsEntry("failed", 1)
        .containsEntry("cancelled", 0);
    assertThat(done.get("completedAt")).isNotNull();
    List<Map<String, Object>> lines = resultLines(user, id);
    assertThat(lines).extracting(l -> l.get("customId")).containsExactly("a", "b", "c");
    assertThat(lines.get(2)).containsEntry("status", "failed").containsEntry("errorCode", "not-an-image");
    JobEvent event = bulk.awaitJobEvents(id, 1).get(0);
    assertThat(event.getStatus()).isEqualTo("completed");
    assertThat(event.getOwner()).isEqualTo("jo-jsonl");
    assertThat(List.of(event.getTotal(), event.getCompleted(), event.getFailed(), event.getCancelled()))
        .containsExactly(3L, 2L, 1L, 0L);
  }

  @Test
  void aFinishedJobWhoseEventWasNeverAcknowledgedIsAnnouncedByTheReconciler() {
    WebTestClient user = as(client, "jo-announce", "category");
    String id = (String) accepted(multipart(user, image())).get("id");
    bulk.answer(bulk.awaitItems(id, 1));
    awaitStatus(user, id, "completed");
    bulk.awaitJobEvents(id, 1);
    // As after a crash between the send and the mark, or a Kafka outage at completion.
    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("announcedAt"), "jobs").block();

    reconciler.reconcile().block();

    assertThat(bulk.awaitJobEvents(id, 2)).extracting(JobEvent::getStatus).containsExactly("completed", "completed");
    assertThat(mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "jobs").block())
        .containsKey("announcedAt");
  }

  @Test
  void multipartJobVetsEachImageAndABadImageIsAFailedItemNotAFailedJob() {
    WebTestClient user = as(client, "jo-multipart", "disease");
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    file(form, "one.png", image());
    file(form, "broken.jpg", TestImages.truncatedJpeg());
    file(form, "two.png", image());

    Map<String, Object> job = accepted(user.post().uri(JOBS).body(BodyInserters.fromMultipartData(form.build())));

    String id = (String) job.get("id");
    assertThat(counts(job)).containsEntry("total", 3).containsEntry("failed", 1);
    List<DiagnosisRequest> items = bulk.awaitItems(id, 2);
    assertThat(items).extracting(r -> r.getMetadata().get("customId")).containsExactly("one.png", "two.png");
    bulk.answer(items);
    awaitStatus(user, id, "completed");
    assertThat(resultLines(user, id)).filteredOn(l -> "broken.jpg".equals(l.get("customId")))
        .singleElement().satisfies(l -> assertThat(l).containsEntry("status", "failed")
            .containsEntry("errorCode", "corrupt-image"));
  }

  @Test
  void zipJobNamesItemsByEntryPathAndCompletes() {
    WebTestClient user = as(client, "jo-zip", "category");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("tomato/leaf 1.png", image());
    entries.put("tomato/", new byte[0]);
    entries.put("__MACOSX/tomato/._leaf 1.png", new byte[] {0, 5, 22, 7});
    entries.put("apple/leaf-2.png", TestImages.png(64));

    Map<String, Object> job = accepted(zip(user, entries));

    String id = (String) job.get("id");
    assertThat(job.get("format")).isEqualTo("zip");
    List<DiagnosisRequest> items = bulk.awaitItems(id, 2);
    assertThat(items).extracting(r -> r.getMetadata().get("customId"))
        .containsExactly("tomato/leaf 1.png", "apple/leaf-2.png");
    bulk.answer(items);
    assertThat(counts(awaitStatus(user, id, "completed"))).containsEntry("total", 2).containsEntry("completed", 2);
  }

  @Test
  void zipBombIsRefusedBeforeItExpandsAndNothingIsPublished() {
    WebTestClient user = as(client, "jo-bomb", "category");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("good.png", image());
    entries.put("leaf.png", new byte[50 * 1024 * 1024]);

    problem(zip(user, entries), HttpStatus.UNPROCESSABLE_CONTENT, "archive-bomb");

    assertRefusedJobLeftNothing(user, "archive-bomb");
  }

  @Test
  void archiveWithTooManyEntriesIsRefused() {
    WebTestClient user = as(client, "jo-entries", "category");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    byte[] leaf = image();
    for (int i = 0; i < 21; i++) {
      entries.put("leaf-" + i + ".png", leaf);
    }

    problem(zip(user, entries), HttpStatus.CONTENT_TOO_LARGE, "archive-too-many-entries");

    assertRefusedJobLeftNothing(user, "archive-too-many-entries");
  }

  @Test
  void archiveEntryClimbingOutOfTheArchiveIsRefused() {
    WebTestClient user = as(client, "jo-slip", "category");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("good.png", image());
    entries.put("leaves/../../etc/cron.d/leaf.png", image());

    problem(zip(user, entries), HttpStatus.UNPROCESSABLE_CONTENT, "bad-entry-path");

    assertRefusedJobLeftNothing(user, "bad-entry-path");
  }

  @Test
  void archiveInsideTheArchiveIsRefusedByNameOrByContent() {
    WebTestClient user = as(client, "jo-nested", "category");
    byte[] inner = zipBytes(Map.of("leaf.png", image()));

    problem(zip(user, Map.of("inner.zip", inner)), HttpStatus.UNPROCESSABLE_CONTENT, "nested-archive");
    problem(zip(user, Map.of("looks-like.png", inner)), HttpStatus.UNPROCESSABLE_CONTENT, "nested-archive");

    assertRefusedJobLeftNothing(user, "nested-archive");
  }

  @Test
  void duplicateCustomIdRefusesTheJob() {
    WebTestClient user = as(client, "jo-duplicate", "category");
    String body = """
        {"customId": "same", "url": "%1$s/leaf-1.png"}
        {"customId": "same", "url": "%1$s/leaf-2.png"}
        """.formatted(base);

    problem(user.post().uri(JOBS).contentType(MediaType.parseMediaType("application/jsonl")).bodyValue(body),
        HttpStatus.BAD_REQUEST, "duplicate-custom-id");

    assertRefusedJobLeftNothing(user, "duplicate-custom-id");
  }

  @Test
  void bulkResultsAreKeptInTheJobItemsOnlyAndNeverBecomeDiagnosisDocuments() {
    WebTestClient user = as(client, "jo-bulk-topic", "category");
    String id = (String) accepted(multipart(user, image(), image())).get("id");
    List<DiagnosisRequest> items = bulk.awaitItems(id, 2);

    bulk.answer(items);
    awaitStatus(user, id, "completed");
    // An interactive result written after them: once the diagnosis listener has stored it, it has read as far as
    // it would have come on a shared topic.
    String marker = UUID.randomUUID().toString();
    bulk.answerInteractive(marker, "jo-bulk-topic");
    await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(marker)),
        "diagnoses").block());

    assertThat(resultLines(user, id)).extracting(l -> l.get("status")).containsExactly("completed", "completed");
    assertThat(mongo.count(Query.query(Criteria.where("_id").in(items.stream().map(DiagnosisRequest::getId)
        .toList())), "diagnoses").block()).isZero();
  }

  @Test
  void replayedResultsCountOnce() {
    WebTestClient user = as(client, "jo-replay", "category");
    String id = (String) accepted(multipart(user, image(), image(), image())).get("id");
    List<DiagnosisRequest> items = bulk.awaitItems(id, 3);

    bulk.answer(items.subList(0, 2));
    bulk.answer(items.subList(0, 2));
    bulk.fail(items.get(2));
    bulk.answer(items);

    Map<String, Object> done = awaitStatus(user, id, "completed");
    assertThat(counts(done)).containsEntry("total", 3).containsEntry("completed", 2).containsEntry("failed", 1);
    // Settled once: the first result stands, the replays changed nothing.
    assertThat(resultLines(user, id).get(2)).containsEntry("status", "failed")
        .containsEntry("errorCode", "UNDECODABLE_IMAGE");
  }

  @Test
  void resultsStoppedListenerAndCountLostInACrashEndExact() {
    WebTestClient user = as(client, "jo-restart", "category");
    String id = (String) accepted(multipart(user, image(), image(), image(), image())).get("id");
    List<DiagnosisRequest> items = bulk.awaitItems(id, 4);
    bulk.answer(items.subList(0, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job(user, id)).get("completed").equals(1));

    // The API goes down: its job listener stops; results keep coming, and are replayed when it is back.
    var container = listeners.getListenerContainer("plantspy-job-results");
    container.stop();
    bulk.answer(items.subList(0, 3));
    // A crash between an item's change and its job's count: the item is settled, its count never written.
    mongo.updateFirst(Query.query(Criteria.where("_id").is(items.get(3).getId())),
        Update.update("status", "COMPLETED"), "job_items").block();
    container.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job(user, id)).get("completed").equals(3));
    assertThat(job(user, id).get("status")).isEqualTo("in_progress");
    reconciler.reconcile().block();

    Map<String, Object> done = job(user, id);
    assertThat(done.get("status")).isEqualTo("completed");
    assertThat(counts(done)).containsEntry("total", 4).containsEntry("completed", 4).containsEntry("failed", 0);
  }

  @Test
  void cancelKeepsFinishedItemsCancelsTheRestAndIgnoresLateResults() {
    WebTestClient user = as(client, "jo-cancel", "category");
    String id = (String) accepted(multipart(user, image(), image(), image())).get("id");
    List<DiagnosisRequest> items = bulk.awaitItems(id, 3);
    bulk.answer(items.subList(0, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> counts(job(user, id)).get("completed").equals(1));

    Map<String, Object> cancelled = user.post().uri(JOBS + "/" + id + "/cancel").exchange()
        .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult().getResponseBody();

    assertThat(cancelled.get("status")).isEqualTo("cancelled");
    assertThat(cancelled.get("cancellingAt")).isNotNull();
    assertThat(counts(cancelled)).containsEntry("completed", 1).containsEntry("cancelled", 2);
    bulk.awaitCancellation(id);
    // A result the processor had already sent for a cancelled item changes nothing.
    bulk.answer(items);
    String marker = (String) accepted(multipart(user, image())).get("id");
    bulk.answer(bulk.awaitItems(marker, 1));
    awaitStatus(user, marker, "completed");
    assertThat(counts(job(user, id))).containsEntry("completed", 1).containsEntry("cancelled", 2);
    assertThat(resultLines(user, id)).extracting(l -> l.get("status"))
        .containsExactly("completed", "cancelled", "cancelled");
    assertThat(bulk.awaitJobEvents(id, 1)).extracting(JobEvent::getStatus).containsExactly("cancelled");
  }

  @Test
  void resultsComeAsJsonlOrCsvWithOnlyTheAnswersTheRolesAllow() {
    WebTestClient owner = as(client, "jo-results", "category", "health");
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    file(form, "leaf, \"first\".png", image());
    file(form, "broken.jpg", TestImages.truncatedJpeg());
    String id = (String) accepted(owner.post().uri(JOBS).body(BodyInserters.fromMultipartData(form.build())))
        .get("id");
    bulk.answer(bulk.awaitItems(id, 1));
    awaitStatus(owner, id, "completed");

    List<Map<String, Object>> lines = resultLines(owner, id);
    @SuppressWarnings("unchecked")
    Map<String, Object> diagnosis = (Map<String, Object>) lines.get(0).get("diagnosis");
    assertThat(diagnosis).containsKeys("category", "health").doesNotContainKeys("disease", "predictedClass", "top3");
    assertThat(lines.get(1)).containsEntry("errorCode", "corrupt-image").doesNotContainKey("diagnosis");

    String csv = owner.get().uri(JOBS + "/" + id + "/results").accept(MediaType.parseMediaType("text/csv"))
        .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    String[] rows = csv.split("\r\n");
    assertThat(rows).hasSize(3);
    assertThat(rows[0]).isEqualTo("customId,diagnosisId,status,errorCode,category,categoryConfidence,health,"
        + "healthConfidence,disease,diseaseConfidence,predictedClass,unknown,modelRelease");
    assertThat(rows[1]).startsWith("\"leaf, \"\"first\"\".png\",").contains(",completed,,Tomato,0.98,sick,0.95,,,,")
        .endsWith(",false," + FakeProcessor.MODEL_RELEASE);
    assertThat(rows[2]).startsWith("broken.jpg,").contains(",failed,corrupt-image,");
  }

  @Test
  void anotherOwnersJobIsNotFound() {
    WebTestClient owner = as(client, "jo-owner", "category");
    WebTestClient other = as(client, "jo-other", "category", "health", "disease");
    String id = (String) accepted(multipart(owner, image())).get("id");

    problem(other.get().uri(JOBS + "/" + id), HttpStatus.NOT_FOUND, "job-not-found");
    problem(other.get().uri(JOBS + "/" + id + "/results"), HttpStatus.NOT_FOUND, "job-not-found");
    problem(other.post().uri(JOBS + "/" + id + "/cancel"), HttpStatus.NOT_FOUND, "job-not-found");
    Map<String, Object> page = other.get().uri(JOBS).exchange().expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    assertThat(page.get("total")).isEqualTo(0);
    assertThat(owner.get().uri(JOBS + "/" + id).exchange().expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody())
        .containsEntry("id", id);
  }

  @Test
  void openJobsBeyondTheLimitAreRefusedWithRetryAfter() {
    WebTestClient user = as(client, "jo-busy", "category");
    String first = (String) accepted(multipart(user, image())).get("id");
    String second = (String) accepted(multipart(user, image())).get("id");

    var refused = multipart(user, image()).exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader().valueEquals("Retry-After", "60")
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    assertThat(refused.get("type")).isEqualTo("https://plantspy.io/problems/too-many-open-jobs");

    // One finished: room for another.
    bulk.answer(bulk.awaitItems(first, 1));
    awaitStatus(user, first, "completed");
    accepted(multipart(user, image()));
    Map<String, Object> page = user.get().uri(JOBS + "?size=2").exchange().expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    assertThat(page.get("total")).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> newest = (List<Map<String, Object>>) page.get("items");
    assertThat(newest).hasSize(2).extracting(j -> j.get("id")).doesNotContain(first).contains(second);
  }

  @Test
  void jobWithMoreItemsThanTheLimitIsRefusedWhole() {
    WebTestClient user = as(client, "jo-items", "category");
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      body.append("{\"customId\": \"leaf-").append(i).append("\", \"url\": \"").append(base)
          .append("/leaf-1.png\"}\n");
    }

    problem(user.post().uri(JOBS).contentType(MediaType.APPLICATION_NDJSON).bodyValue(body.toString()),
        HttpStatus.CONTENT_TOO_LARGE, "too-many-items");

    assertRefusedJobLeftNothing(user, "too-many-items");
  }

  @Test
  void sameIdempotencyKeyGivesTheSameJobAndPublishesOnce() {
    WebTestClient user = as(client, "jo-retry", "category");
    byte[] leaf = image();
    String key = "job-" + UUID.randomUUID();

    Map<String, Object> first = accepted(multipart(user, leaf).header("Idempotency-Key", key));
    Map<String, Object> again = multipart(user, leaf).header("Idempotency-Key", key).exchange()
        .expectStatus().isOk().expectHeader().valueEquals("Location", JOBS + "/" + first.get("id"))
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();

    assertThat(again.get("id")).isEqualTo(first.get("id"));
    String marker = (String) accepted(multipart(user, image())).get("id");
    bulk.awaitItems(marker, 1);
    assertThat(bulk.of((String) first.get("id"))).hasSize(1);
  }

  @Test
  void jobLeftValidatingByACrashFailsAndOneLeftPublishingIsResumed() {
    WebTestClient user = as(client, "jo-crash", "category");
    Date longAgo = Date.from(Instant.now().minus(Duration.ofHours(1)));
    String validating = UUID.randomUUID().toString();
    mongo.insert(jobDocument(validating, "VALIDATING", longAgo, 0), "jobs").block();
    String publishing = UUID.randomUUID().toString();
    mongo.insert(jobDocument(publishing, "IN_PROGRESS", longAgo, 1), "jobs").block();
    String item = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", item).append("jobId", publishing).append("customId", "leaf.png")
        .append("seq", 0L).append("status", "PENDING").append("contentType", "image/png")
        .append("sizeBytes", 4L).append("inline", new byte[] {1, 2, 3, 4}), "job_items").block();

    reconciler.reconcile().block();

    Map<String, Object> failed = job(user, validating);
    assertThat(failed.get("status")).isEqualTo("failed");
    assertThat(failed.get("error")).isEqualTo(Map.of("code", "interrupted",
        "message", "the submission stopped before its body was read whole; submit the job again"));
    List<DiagnosisRequest> resumed = bulk.awaitItems(publishing, 1);
    assertThat(resumed).extracting(DiagnosisRequest::getId).containsExactly(item);
    bulk.answer(resumed);
    awaitStatus(user, publishing, "completed");
  }

  private static Document jobDocument(String id, String status, Date heartbeat, long total) {
    return new Document("_id", id).append("owner", "jo-crash").append("status", status).append("format", "zip")
        .append("requestedAnswers", List.of("CATEGORY"))
        .append("counts", new Document("total", total).append("completed", 0L).append("failed", 0L)
            .append("cancelled", 0L))
        .append("createdAt", heartbeat).append("heartbeatAt", heartbeat)
        .append("expiresAt", Date.from(Instant.now().plus(Duration.ofHours(23))));
  }

  /**
   * The refused job is failed with its reason and has no items, and none of its items reached the topic: a job
   * submitted after it is published, and nothing of the refused one came before it on the one partition.
   */
  private void assertRefusedJobLeftNothing(WebTestClient user, String reason) {
    Map<String, Object> page = user.get().uri(JOBS).exchange().expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) page.get("items");
    assertThat(jobs).isNotEmpty().allSatisfy(job -> {
      assertThat(job.get("status")).isEqualTo("failed");
      assertThat(job.get("failedAt")).isNotNull();
      assertThat(job.get("error")).asString().contains(reason);
      assertThat(mongo.count(Query.query(Criteria.where("jobId").is(job.get("id"))), "job_items").block())
          .isZero();
    });
    String marker = (String) accepted(multipart(user, image())).get("id");
    bulk.awaitItems(marker, 1);
    jobs.forEach(job -> assertThat(bulk.of((String) job.get("id"))).isEmpty());
  }

  private Map<String, Object> accepted(WebTestClient.RequestHeadersSpec<?> request) {
    return request.exchange().expectStatus().isAccepted()
        .expectHeader().value("Location", location -> assertThat(location).startsWith(JOBS + "/"))
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
  }

  private static void problem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String slug) {
    Map<String, Object> body = request.exchange().expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
    assertThat(body.get("type")).isEqualTo("https://plantspy.io/problems/" + slug);
  }

  private static Map<String, Object> job(WebTestClient user, String id) {
    return user.get().uri(JOBS + "/" + id).exchange().expectStatus().isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {}).returnResult().getResponseBody();
  }

  private static Map<String, Object> awaitStatus(WebTestClient user, String id, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(job(user, id).get("status")));
    return job(user, id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> counts(Map<String, Object> job) {
    return (Map<String, Object>) job.get("counts");
  }

  private static List<Map<String, Object>> resultLines(WebTestClient user, String id) {
    return user.get().uri(JOBS + "/" + id + "/results").accept(MediaType.APPLICATION_NDJSON).exchange()
        .expectStatus().isOk().returnResult(new ParameterizedTypeReference<Map<String, Object>>() {})
        .getResponseBody().collectList().block(Duration.ofSeconds(30));
  }

  private static WebTestClient.RequestHeadersSpec<?> multipart(WebTestClient user, byte[]... photos) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    for (int i = 0; i < photos.length; i++) {
      file(form, "leaf-" + i + ".png", photos[i]);
    }
    return user.post().uri(JOBS).body(BodyInserters.fromMultipartData(form.build()));
  }

  private static void file(MultipartBodyBuilder form, String name, byte[] bytes) {
    form.part("image", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }).contentType(MediaType.APPLICATION_OCTET_STREAM);
  }

  private static WebTestClient.RequestHeadersSpec<?> zip(WebTestClient user, Map<String, byte[]> entries) {
    return user.post().uri(JOBS).contentType(MediaType.parseMediaType("application/zip"))
        .bodyValue(zipBytes(entries));
  }

  private static byte[] zipBytes(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A distinct small PNG each call. */
  private static byte[] image() {
    return TestImages.png(nextImage++ % 24 + 8);
  }
}
