package io.plantspy.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feed gateway's alerts become signed {@code alert.disease_detected} deliveries to the device owner only. */
class AlertWebhookIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
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
  void anAlertIsDeliveredSignedToItsOwnersSubscribedEndpointsOnly() throws Exception {
    String ann = "ann-" + UUID.randomUUID();
    String bob = "bob-" + UUID.randomUUID();
    try (Receiver annReceiver = new Receiver(); Receiver bobReceiver = new Receiver()) {
      Map<String, Object> annSub = subscribe(app.as(ann), annReceiver.url());
      Map<String, Object> bobSub = subscribe(app.as(bob), bobReceiver.url());
      String device = "d-" + UUID.randomUUID().toString().substring(0, 8);
      String annAlert = device + "|Tomato___Early_blight|2026-05-01T10:00:00Z";

      // Same key, so one partition: bob's alert is handled after ann's.
      TestKafka.alert(device, alert(annAlert, ann, device));
      TestKafka.alert(device, alert(device + "|Tomato___Late_blight|2026-05-01T10:00:00Z", bob, device));

      Deliveries.awaitOnly(app.as(bob), (String) bobSub.get("id"), Deliveries.status("DELIVERED"));
      Deliveries.awaitOnly(app.as(ann), (String) annSub.get("id"), Deliveries.status("DELIVERED"));
      assertThat(annReceiver.received()).hasSize(1);
      Receiver.Received received = annReceiver.received().get(0);
      assertThat(received.id()).isEqualTo("evt_alert.disease_detected_" + annAlert);
      assertThatCode(() -> new WebhookVerifier(new WebhookSecret((String) annSub.get("secret")))
          .verify(received.id(), received.timestamp(), received.signature(), received.body()))
          .doesNotThrowAnyException();
      JsonNode body = JSON.readTree(received.body());
      assertThat(body.get("type").asString()).isEqualTo("alert.disease_detected");
      assertThat(body.get("data").get("predictedClass").asString()).isEqualTo("Tomato___Early_blight");
      assertThat(body.get("data").get("device").asString()).isEqualTo(device);
      assertThat(body.get("data").has("owner")).isFalse();
      assertThat(body.get("data").get("links").get("diagnosis").asString())
          .isEqualTo("http://api.test/api/v1/diagnoses/diag-1");
      assertThat(bobReceiver.received()).hasSize(1);
    }
  }

  private static String alert(String id, String owner, String device) {
    return JSON.createObjectNode().put("id", id).put("type", "alert.disease_detected").put("device", device)
        .put("farm", "north-field").put("owner", owner).put("predictedClass", id.split("\\|")[1])
        .put("disease", "Early_blight").put("confidence", 0.91).put("diagnosisId", "diag-1")
        .put("windowStart", "2026-05-01T10:00:00Z").put("raisedAt", Instant.now().toString()).put("lat", 48.1)
        .put("lon", 11.5).put("published", true).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> subscribe(WebTestClient client, String url) {
    return client.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("url", url, "events", List.of("alert.disease_detected"))).exchange()
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
  }
}
