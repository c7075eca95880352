package io.plantspy.webhooks;

import static io.plantspy.webhooks.Deliveries.attempts;
import static io.plantspy.webhooks.Deliveries.awaitOnly;
import static io.plantspy.webhooks.Deliveries.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.testsupport.TestMongo;
import io.plantspy.webhooks.Receiver.Answer;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookVerifier;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events from the real topics to real local receivers: retries on the (scaled-down) schedule, what ends a
 * delivery, signatures, payloads, and that one endpoint cannot hold up another.
 */
class DeliveryIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Map<WebTestClient, String> SUBJECTS = new ConcurrentHashMap<>();

  private static WebhooksApp app;

  @BeforeAll
  static void start() {
    app = WebhooksApp.start(TestMongo.freshUri("webhooks"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aReceiverFailingThreeTimesThenAcceptingGetsTheEventOnceRecordedAsDelivered() throws Exception {
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(n <= 3 ? 500 : 204))) {
      WebTestClient owner = client("category");
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.completed");
      String diagnosisId = UUID.randomUUID().toString();

      TestKafka.publish(TestKafka.completed(diagnosisId, sub.owner()));

      Map<String, Object> delivery = awaitOnly(owner, sub.id(), status("DELIVERED"));
      assertThat(attempts(delivery)).extracting(a -> a.get("statusCode")).containsExactly(500, 500, 500, 204);
      assertThat(attempts(delivery)).allSatisfy(a -> assertThat(a).containsKey("latencyMillis"));
      assertThat(delivery).doesNotContainKey("nextAttemptAt");
      assertThat(receiver.received()).hasSize(4).extracting(Receiver.Received::id).containsOnly(
          "evt_diagnosis.completed_" + diagnosisId);
      WebhookVerifier verifier = new WebhookVerifier(new WebhookSecret(sub.secret()));
      for (Receiver.Received r : receiver.received()) {
        assertThatCode(() -> verifier.verify(r.id(), r.timestamp(), r.signature(), r.body()))
            .doesNotThrowAnyException();
      }
      JsonNode body = JSON.readTree(receiver.received().get(3).body());
      assertThat(body.get("type").asString()).isEqualTo("diagnosis.completed");
      assertThat(body.get("data").get("diagnosisId").asString()).isEqualTo(diagnosisId);
      assertThat(body.get("data").get("links").get("diagnosis").asString())
          .isEqualTo("http://api.test/api/v1/diagnoses/" + diagnosisId);
      // The subscriber holds only the category role: health and disease are not theirs to see.
      assertThat(body.get("data").get("answers").propertyNames()).containsExactly("category");
      assertThat(body.get("data").get("answers").get("category").get("label").asString()).isEqualTo("Tomato");
    }
  }

  @Test
  void aResultNamingACallbackUrlGoesThereOnceSignedWithTheCallbackSecretAndOthersDoNot() throws Exception {
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(n == 1 ? 503 : 200));
        Receiver gone = new Receiver().answering(n -> Answer.status(410))) {
      WebTestClient owner = client("category", "health");
      Map<?, ?> created = owner.post().uri("/api/v1/webhooks/callback-secret").exchange()
          .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
      String endpointId = (String) created.get("id");
      String calledBack = UUID.randomUUID().toString();
      String plain = UUID.randomUUID().toString();
      String toGone = UUID.randomUUID().toString();

      TestKafka.publish(TestKafka.completed(plain, SUBJECTS.get(owner)));
      TestKafka.publish(withCallback(TestKafka.completed(calledBack, SUBJECTS.get(owner)),
          receiver.url() + "/diagnosis/" + calledBack));
      TestKafka.publish(withCallback(TestKafka.failed(toGone, SUBJECTS.get(owner)), gone.url() + "/gone"));

      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 2);
      assertThat(receiver.received()).extracting(Receiver.Received::id)
          .containsOnly("evt_diagnosis.completed_" + calledBack);
      WebhookVerifier verifier = new WebhookVerifier(new WebhookSecret((String) created.get("secret")));
      Receiver.Received last = receiver.received().get(1);
      assertThatCode(() -> verifier.verify(last.id(), last.timestamp(), last.signature(), last.body()))
          .doesNotThrowAnyException();
      assertThat(JSON.readTree(last.body()).get("data").get("answers").propertyNames())
          .containsExactlyInAnyOrder("category", "health");
      // A gone callback URL ends its own delivery; the callbacks endpoint stays enabled for the next one.
      await().atMost(Duration.ofSeconds(30)).until(() -> gone.received().size() == 1);
      Map<String, Object> failed = await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of(owner, endpointId)
          .stream().filter(status("FAILED")).findFirst().orElse(null), d -> d != null);
      assertThat(attempts(failed)).extracting(a -> a.get("statusCode")).containsExactly(410);
      assertThat(Deliveries.endpoint(owner, endpointId)).containsEntry("enabled", true);

      // A second call rotates: a new secret, the same endpoint.
      Map<?, ?> rotated = owner.post().uri("/api/v1/webhooks/callback-secret").exchange()
          .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
      assertThat(rotated.get("id")).isEqualTo(endpointId);
      assertThat(rotated.get("secret")).isNotEqualTo(created.get("secret"));
    }
  }

  /** A result as the processor writes it for a request that named a callback URL. */
  private static DiagnosisResult withCallback(DiagnosisResult result, String url) {
    result.setCallbackUrl(url);
    return result;
  }

  @Test
  void aDeadReceiverIsRetriedOnTheScheduleThenTheDeliveryFails() throws Exception {
    WebTestClient owner = client();
    Subscription sub = subscribe(owner, "http://127.0.0.1:" + closedPort() + "/hook", "diagnosis.failed");

    TestKafka.publish(TestKafka.failed(UUID.randomUUID().toString(), sub.owner()));

    Map<String, Object> delivery = awaitOnly(owner, sub.id(), status("FAILED"));
    List<Map<String, Object>> attempts = attempts(delivery);
    assertThat(attempts).hasSize(WebhooksApp.SCHEDULE.size())
        .allSatisfy(a -> assertThat(a).doesNotContainKey("statusCode").containsKey("error"));
    for (int i = 1; i < attempts.size(); i++) {
      Duration waited = Duration.between(Instant.parse((String) attempts.get(i - 1).get("at")),
          Instant.parse((String) attempts.get(i).get("at")));
      assertThat(waited).as("wait before attempt %d", i + 1)
          .isGreaterThanOrEqualTo(WebhooksApp.SCHEDULE.get(i));
    }
    assertThat(Deliveries.endpoint(owner, sub.id())).containsEntry("enabled", true).containsKey("failingSince");
  }

  @Test
  void a410GoneDisablesTheEndpointWithTheReasonShown() throws Exception {
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(410))) {
      WebTestClient owner = client();
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.completed");

      TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), sub.owner()));

      Map<String, Object> delivery = awaitOnly(owner, sub.id(), status("FAILED"));
      assertThat(attempts(delivery)).extracting(a -> a.get("statusCode")).containsExactly(410);
      Map<String, Object> endpoint = Deliveries.endpoint(owner, sub.id());
      assertThat(endpoint).containsEntry("enabled", false);
      assertThat((String) endpoint.get("disabledReason")).contains("410");
      owner.post().uri("/api/v1/webhooks/" + sub.id() + "/deliveries/" + delivery.get("id") + "/retry").exchange()
          .expectStatus().isEqualTo(409);
    }
  }

  @Test
  void aSlowReceiverDoesNotDelayAFastOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Receiver slow = new Receiver().answering(n -> new Answer(204, null, () -> awaitQuietly(release)));
        Receiver fast = new Receiver()) {
      WebTestClient owner = client();
      Subscription slowSub = subscribe(owner, slow.url(), "diagnosis.completed");
      Subscription fastSub = subscribe(owner, fast.url(), "diagnosis.completed");
      int events = 8;

      for (int i = 0; i < events; i++) {
        TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), slowSub.owner()));
      }

      // Every event reaches the fast receiver while the slow one still holds its first requests unanswered.
      await().atMost(Duration.ofSeconds(60)).until(() -> fast.received().size() == events);
      assertThat(release.getCount()).isEqualTo(1);
      assertThat(slow.received()).hasSizeLessThanOrEqualTo(4); // plantspy.webhooks.delivery.max-per-endpoint
      release.countDown();
      await().atMost(Duration.ofSeconds(60)).until(() -> Deliveries.of(owner, slowSub.id()).stream()
          .filter(status("DELIVERED")).count() == events);
      assertThat(Deliveries.of(owner, fastSub.id())).hasSize(events).allMatch(status("DELIVERED"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aRedeliveredResultMakesOneDelivery() throws Exception {
    try (Receiver receiver = new Receiver()) {
      WebTestClient owner = client();
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.completed");
      var twice = TestKafka.completed(UUID.randomUUID().toString(), sub.owner());
      var after = TestKafka.completed(UUID.randomUUID().toString(), sub.owner());

      // The same partition, in this order: once the last is delivered, both copies of the first were read.
      TestKafka.publish(twice);
      TestKafka.publish(twice);
      TestKafka.publish(after);

      await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream()
          .anyMatch(r -> r.id().endsWith(after.getId())));
      assertThat(Deliveries.of(owner, sub.id())).hasSize(2);
      assertThat(receiver.received()).filteredOn(r -> r.id().endsWith(twice.getId())).hasSize(1);
    }
  }

  @Test
  void aRetryAfterLongerThanTheScheduleIsHonoured() throws Exception {
    try (Receiver receiver = new Receiver().answering(n -> n == 1 ? new Answer(429, "2", null) : Answer.status(200))) {
      WebTestClient owner = client();
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.completed");

      TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), sub.owner()));

      awaitOnly(owner, sub.id(), status("DELIVERED"));
      List<Receiver.Received> received = receiver.received();
      assertThat(received).hasSize(2);
      // The schedule alone would have waited 300 ms.
      assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }
  }

  @Test
  void aFailedDeliveryIsSentAgainOnRequest() throws Exception {
    try (Receiver receiver = new Receiver().answering(n -> Answer.status(503))) {
      WebTestClient owner = client();
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.failed");
      TestKafka.publish(TestKafka.failed(UUID.randomUUID().toString(), sub.owner()));
      Map<String, Object> failed = awaitOnly(owner, sub.id(), status("FAILED"));

      receiver.answering(n -> Answer.status(202));
      owner.post().uri("/api/v1/webhooks/" + sub.id() + "/deliveries/" + failed.get("id") + "/retry").exchange()
          .expectStatus().isAccepted();

      Map<String, Object> delivered = awaitOnly(owner, sub.id(), status("DELIVERED"));
      assertThat(attempts(delivered)).hasSize(WebhooksApp.SCHEDULE.size() + 1);
      assertThat(JSON.readTree(receiver.received().get(0).body()).get("data").get("error").get("code").asString())
          .isEqualTo("UNDECODABLE_IMAGE");
    }
  }

  @Test
  void afterARotationBothTheOldAndTheNewSecretVerify() throws Exception {
    try (Receiver receiver = new Receiver()) {
      WebTestClient owner = client();
      Subscription sub = subscribe(owner, receiver.url(), "diagnosis.completed");
      String newSecret = (String) owner.post().uri("/api/v1/webhooks/" + sub.id() + "/rotate-secret").exchange()
          .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("secret");

      TestKafka.publish(TestKafka.completed(UUID.randomUUID().toString(), sub.owner()));

      awaitOnly(owner, sub.id(), status("DELIVERED"));
      Receiver.Received r = receiver.received().get(0);
      assertThat(r.signature().split(" ")).hasSize(2);
      for (String secret : List.of(sub.secret(), newSecret)) {
        assertThatCode(() -> new WebhookVerifier(new WebhookSecret(secret))
            .verify(r.id(), r.timestamp(), r.signature(), r.body())).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void aPromotedChampionReachesAdminEndpoints() throws Exception {
    try (Receiver receiver = new Receiver()) {
      WebTestClient admin = client("admin");
      Subscription sub = subscribe(admin, receiver.url(), "model.promoted");
      String releaseId = "release-" + UUID.randomUUID();

      TestKafka.promote(TestKafka.release(releaseId));

      awaitOnly(admin, sub.id(), status("DELIVERED"));
      JsonNode body = JSON.readTree(receiver.received().get(0).body());
      assertThat(body.get("type").asString()).isEqualTo("model.promoted");
      assertThat(body.get("data").get("releaseId").asString()).isEqualTo(releaseId);
    }
  }

  @Test
  void aCameraFramesResultFromTheFeedResultsTopicIsADiagnosisEventLikeAnUploads() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Subscription sub = subscribe(client("category"), receiver.url(), "diagnosis.completed");
      String frame = UUID.randomUUID().toString();

      TestKafka.publishFeed(TestKafka.completed(frame, sub.owner()));

      await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
      assertThat(receiver.received()).extracting(Receiver.Received::id)
          .containsExactly("evt_diagnosis.completed_" + frame);
    }
  }

  record Subscription(String id, String owner, String secret) {}

  private static Subscription subscribe(WebTestClient owner, String url, String event) {
    Map<?, ?> created = owner.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", url, "events", List.of(event))).exchange()
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    return new Subscription((String) created.get("id"), SUBJECTS.get(owner), (String) created.get("secret"));
  }

  /** A client acting as a new user of its own with these roles. */
  private static WebTestClient client(String... roles) {
    String subject = "user-" + UUID.randomUUID();
    WebTestClient client = app.as(subject, roles);
    SUBJECTS.put(client, subject);
    return client;
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
