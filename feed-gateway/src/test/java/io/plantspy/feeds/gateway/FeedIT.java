package io.plantspy.feeds.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.plantspy.feeds.gateway.frame.FrameCounters.Outcome;
import io.plantspy.feeds.gateway.frame.FrameCounters;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.ImageReference;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import io.plantspy.testsupport.ExportedMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frames from real MQTT clients through the real broker and gateway to the requests topic, and results from the
 * results topic back to the devices, the API and the alerts. Sampling is one frame per device per hour here, so
 * each device's first frame is the one diagnosed and every later one is throttled.
 */
class FeedIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static FeedPlatform platform;

  @BeforeAll
  static void start() {
    platform = FeedPlatform.start("--plantspy.feeds.sampling.interval=1h");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void servesPrometheusMetricsWithoutAToken() {
    platform.client().get().uri("/actuator/health").exchange().expectStatus().isOk();
    await("a served request measured").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String scrape = platform.client().get().uri("/actuator/prometheus").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(scrape).contains("plantspy_feeds_frames_received_total{application=\"plantspy-feed-gateway\"");
      assertThat(ExportedMetrics.of("feed-gateway").missingFrom(scrape))
          .as("listed names without a sample").isEmpty();
    });
  }

  @Test
  void aFrameBecomesAFeedRequestAndItsAnswerReachesTheDeviceAndTheApi() throws Exception {
    Map<String, Object> registered = register("ann", "north-field", "mast camera 1");
    try (Camera camera = new Camera(platform.mqttPort(), registered)) {
      camera.listen();
      camera.send(Images.envelope(Images.jpeg(64, 1), "frame-1", 48.1372, 11.5756, 520.0));

      DiagnosisRequest request = onlyRequestOf(camera.id);
      assertThat(request.getSource()).isEqualTo(RequestSource.FEED);
      assertThat(request.getOwner()).isEqualTo("ann");
      assertThat(request.getContentType()).isEqualTo("image/jpeg");
      assertThat(request.getImage()).isInstanceOf(InlineImage.class);
      assertThat(request.getMetadata()).containsEntry("deviceId", camera.id).containsEntry("farm", "north-field")
          .containsEntry("frameId", "frame-1").containsEntry("capturedAt", "2026-05-01T10:00:00Z")
          .containsEntry("lat", "48.1372").containsEntry("lon", "11.5756").containsEntry("alt", "520.0")
          .containsEntry("heading", "90.0");

      TestKafka.publish(TestKafka.earlyBlight(request.getId(), "ann", 0.6f));
      String answer = camera.answers.poll(30, TimeUnit.SECONDS);
      assertThat(answer).isNotNull();
      Map<?, ?> json = JSON.readValue(answer, Map.class);
      assertThat(json.get("diagnosisId")).isEqualTo(request.getId());
      assertThat(json.get("frameId")).isEqualTo("frame-1");
      assertThat(json.get("predictedClass")).isEqualTo("Tomato___Early_blight");
      assertThat(json.get("health")).isEqualTo("sick");

      platform.as("ann").get().uri("/api/v1/devices/" + camera.id + "/diagnoses?since=2020-01-01T00:00:00Z")
          .exchange().expectStatus().isOk()
          .expectBody().jsonPath("$.length()").isEqualTo(1)
          .jsonPath("$[0].diagnosisId").isEqualTo(request.getId())
          .jsonPath("$[0].disease").isEqualTo("Early_blight");
      platform.as("bob").get().uri("/api/v1/devices/" + camera.id + "/diagnoses").exchange()
          .expectStatus().isNotFound();
      platform.as("root", "admin").get().uri("/api/v1/devices/" + camera.id + "/diagnoses").exchange()
          .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }
  }

  @Test
  void aTwoMegabyteFrameTravelsByClaimCheck() throws Exception {
    byte[] big = Images.png(820, 2);
    assertThat(big.length).isGreaterThan(2_000_000);
    Map<String, Object> registered = register("cleo", "south-field", "drone");
    try (Camera camera = new Camera(platform.mqttPort(), registered)) {
      camera.send(big);

      DiagnosisRequest request = onlyRequestOf(camera.id);
      assertThat(request.getSizeBytes()).isEqualTo(big.length);
      assertThat(request.getContentType()).isEqualTo("image/png");
      assertThat(request.getImage()).isInstanceOf(ImageReference.class);
      ImageReference reference = (ImageReference) request.getImage();
      assertThat(reference.getStore()).isEqualTo("gridfs");
      assertThat(StoredImages.read(platform.mongoUri(), reference.getId())).isEqualTo(big);
    }
  }

  @Test
  void aBurstOfAThousandFramesFromFiftyDevicesIsSampledToOnePerDeviceAndNothingElseIsDropped() throws Exception {
    FrameCounters counters = platform.bean(FrameCounters.class);
    long receivedBefore = counters.receivedCount();
    long throttledBefore = counters.countOf(Outcome.THROTTLED);
    long publishedBefore = counters.countOf(Outcome.PUBLISHED);
    byte[] image = Images.jpeg(32, 3);
    List<Camera> cameras = new java.util.ArrayList<>();
    try {
      for (int d = 0; d < 50; d++) {
        cameras.add(new Camera(platform.mqttPort(), register("burst", "burst-farm", "camera " + d, "admin")));
      }
      for (int frame = 0; frame < 20; frame++) {
        for (Camera camera : cameras) {
          camera.send(Images.envelope(image, camera.id + "-" + frame, 10.0, 20.0, null));
        }
      }
      await().atMost(Duration.ofSeconds(60))
          .until(() -> counters.receivedCount() - receivedBefore == 1000
              && counters.countOf(Outcome.PUBLISHED) - publishedBefore == 50);

      List<String> ids = cameras.stream().map(c -> c.id).toList();
      List<DiagnosisRequest> requests = TestKafka.requests(r -> ids.contains(r.getMetadata().get("deviceId")), 50,
          Duration.ofSeconds(2));
      assertThat(requests).hasSize(50);
      assertThat(requests.stream().map(r -> r.getMetadata().get("frameId")))
          .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + "-0").toList());
      assertThat(counters.countOf(Outcome.THROTTLED) - throttledBefore).isEqualTo(950);
      for (Outcome other : List.of(Outcome.DUPLICATE, Outcome.DROPPED_OLDEST, Outcome.DROPPED_OVERFLOW,
          Outcome.MALFORMED, Outcome.INVALID_IMAGE, Outcome.PUBLISH_FAILED, Outcome.UNKNOWN_DEVICE)) {
        assertThat(counters.countOf(other)).as(other.name()).isZero();
      }
    } finally {
      for (Camera camera : cameras) {
        camera.close();
      }
    }
  }

  @Test
  void aRevokedDeviceIsDisconnectedAndRefused() throws Exception {
    Map<String, Object> registered = register("dan", "east-field", "gate camera");
    String password = (String) registered.get("mqttPassword");
    try (Camera camera = new Camera(platform.mqttPort(), registered)) {
      platform.as("eve").delete().uri("/api/v1/devices/" + camera.id).exchange().expectStatus().isNotFound();
      platform.as("dan").delete().uri("/api/v1/devices/" + camera.id).exchange().expectStatus().isNoContent();
      await().atMost(Duration.ofSeconds(10)).until(() -> !camera.client.isConnected());
      assertThatThrownBy(() -> new Camera(platform.mqttPort(), camera.id, password, "east-field"))
          .isInstanceOf(MqttSecurityException.class);
    }
    platform.as("dan").get().uri("/api/v1/devices/" + registered.get("mqttUsername")).exchange()
        .expectStatus().isNotFound();
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    Map<String, Object> registered = register("fay", "west-field", "pole camera");
    assertThatThrownBy(() -> new Camera(platform.mqttPort(), (String) registered.get("mqttUsername"), "guess",
        "west-field")).isInstanceOf(MqttSecurityException.class);
  }

  static Map<String, Object> register(String owner, String farm, String name, String... roles) {
    return register(platform, owner, farm, name, roles);
  }

  static Map<String, Object> register(FeedPlatform platform, String owner, String farm, String name,
      String... roles) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = platform.as(owner, roles).post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("farm", farm, "name", name)).exchange()
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    return body;
  }

  private static DiagnosisRequest onlyRequestOf(String deviceId) {
    List<DiagnosisRequest> requests = TestKafka.requests(r -> deviceId.equals(r.getMetadata().get("deviceId")), 1,
        Duration.ofSeconds(1));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
