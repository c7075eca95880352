package io.plantspy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantspy.testsupport.ExportedMetrics;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The subscriptions API through real HTTP and real token checks: who may do what, and what it answers. */
class SubscriptionApiIT {

  private static WebhooksApp app;
  private static Receiver receiver;

  @BeforeAll
  static void start() throws Exception {
    receiver = new Receiver();
    app = WebhooksApp.start(TestMongo.freshUri("webhooks"));
  }

  @AfterAll
  static void stop() {
    app.close();
    receiver.close();
  }

  @Test
  void subscribingAnswers201WithASecretShownOnlyThen() {
    Map<String, Object> created = subscribe(app.as("ann", "category"), List.of("diagnosis.completed"))
        .expectStatus().isCreated()
        .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/webhooks/ep_"))
        .expectBody(Map.class).returnResult().getResponseBody();

    String secret = (String) created.get("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);
    assertThat(created).containsEntry("url", receiver.url()).containsEntry("enabled", true)
        .containsEntry("answers", List.of("category"));

    String id = (String) created.get("id");
    app.as("ann", "category").get().uri("/api/v1/webhooks/" + id).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.secret").doesNotExist();
  }

  @Test
  void listsOnlyTheCallersOwnWebhooks() {
    subscribe(app.as("bea"), List.of("diagnosis.failed")).expectStatus().isCreated();
    subscribe(app.as("carl"), List.of("diagnosis.failed")).expectStatus().isCreated();

    app.as("bea").get().uri("/api/v1/webhooks").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].secret").doesNotExist();
  }

  @Test
  void anotherUsersWebhookIsNotFound() {
    String id = id(subscribe(app.as("dora"), List.of("diagnosis.completed")));

    for (var request : List.of(app.as("eve").get().uri("/api/v1/webhooks/" + id),
        app.as("eve").delete().uri("/api/v1/webhooks/" + id),
        app.as("eve").post().uri("/api/v1/webhooks/" + id + "/rotate-secret"),
        app.as("eve").get().uri("/api/v1/webhooks/" + id + "/deliveries"))) {
      request.exchange().expectStatus().isNotFound()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/not-found");
    }
    app.as("dora").get().uri("/api/v1/webhooks/" + id).exchange().expectStatus().isOk();
    app.as("dora").get().uri("/api/v1/webhooks/" + id + "/deliveries?limit=0").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void withoutATokenTheAnswerIsA401Problem() {
    app.client().get().uri("/api/v1/webhooks").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/unauthenticated");
  }

  @Test
  void modelPromotedTakesTheAdminRole() {
    subscribe(app.as("fred", "category", "health", "disease"), List.of("model.promoted"))
        .expectStatus().isForbidden()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/forbidden");

    subscribe(app.as("gina", "admin"), List.of("model.promoted")).expectStatus().isCreated();
  }

  @Test
  void theActuatorBeyondHealthTakesTheAdminRole() {
    app.as("hal", "category").get().uri("/actuator/info").exchange()
        .expectStatus().isForbidden()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    app.client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
  }

  @Test
  void servesPrometheusMetricsWithoutAToken() {
    app.client().get().uri("/actuator/health").exchange().expectStatus().isOk();
    await("a served request measured").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String scrape = app.client().get().uri("/actuator/prometheus").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(scrape).contains("application=\"plantspy-webhooks\"");
      assertThat(ExportedMetrics.of("webhooks").missingFrom(scrape))
          .as("listed names without a sample").isEmpty();
    });
  }

  @Test
  void unknownEventTypesAndBadUrlsAreRefused() {
    subscribe(app.as("ida"), List.of("diagnosis.exploded")).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/unknown-event");
    app.as("ida").post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", "ftp://127.0.0.1/hook", "events", List.of("diagnosis.completed"))).exchange()
        .expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/bad-url");
    app.as("ida").post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", receiver.url(), "events", List.of())).exchange()
        .expectStatus().isBadRequest();
  }

  @Test
  void aPrivateAddressIsRefusedUnlessAllowed() {
    // 127.0.0.1/32 is allowed by this service's configuration (as on the local platform); 10/8 and 169.254/16 are not.
    for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
        "http://127.0.0.2/hook", "http://[::ffff:10.0.0.1]/hook")) {
      app.as("jo").post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("url", url, "events", List.of("diagnosis.completed"))).exchange()
          .expectStatus().isEqualTo(422)
          .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/refused-address");
    }
    subscribe(app.as("jo"), List.of("diagnosis.completed")).expectStatus().isCreated();
  }

  @Test
  void rotatingGivesANewSecretAndKeepsTheOldOneSigningForADay() {
    Map<String, Object> created = subscribe(app.as("kim"), List.of("diagnosis.completed"))
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

    Map<String, Object> rotated = app.as("kim").post().uri("/api/v1/webhooks/" + created.get("id") + "/rotate-secret")
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

    assertThat(rotated.get("secret")).isNotEqualTo(created.get("secret"));
    assertThat((String) rotated.get("secret")).startsWith("whsec_");
    assertThat(java.time.Instant.parse((String) rotated.get("previousSecretExpiresAt")))
        .isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(23)));
  }

  @Test
  void deletingRemovesTheWebhook() {
    String id = id(subscribe(app.as("lea"), List.of("diagnosis.completed")));

    app.as("lea").delete().uri("/api/v1/webhooks/" + id).exchange().expectStatus().isNoContent();
    app.as("lea").get().uri("/api/v1/webhooks/" + id).exchange().expectStatus().isNotFound();
  }

  private static WebTestClient.ResponseSpec subscribe(WebTestClient client, List<String> events) {
    return client.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", receiver.url(), "events", events, "description", "test")).exchange();
  }

  private static String id(WebTestClient.ResponseSpec response) {
    return (String) response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
        .get("id");
  }

  @Test
  @SuppressWarnings("unchecked")
  void apiDocsDescribeTheSubscriptionsAndWhatEachEventDeliversWithoutAToken() {
    Map<String, Object> docs = app.client().get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();

    assertThat((String) docs.get("openapi")).startsWith("3.1");
    assertThat((Map<String, Object>) docs.get("paths")).containsKeys("/api/v1/webhooks",
        "/api/v1/webhooks/{id}/rotate-secret", "/api/v1/webhooks/{endpointId}/deliveries");
    assertThat((Map<String, Object>) docs.get("webhooks"))
        .containsOnlyKeys("diagnosis.completed", "diagnosis.failed", "model.promoted", "alert.disease_detected",
            "job.completed", "job.failed", "job.cancelled", "job.expired");
    Map<String, Object> subscribe = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) docs
        .get("paths")).get("/api/v1/webhooks")).get("post");
    assertThat((Map<String, Object>) subscribe.get("responses")).containsKeys("201", "400", "401", "403", "503");
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) docs.get("components")).get("schemas");
    assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("DiagnosisData")).get("properties"))
        .containsKeys("diagnosisId", "answers", "unknown", "error", "links");
  }
}
