package io.plantspy.feeds.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import io.plantspy.feeds.gateway.frame.FrameDiagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts raised from results of recorded feed frames, and the field map read from them, through the real service,
 * Kafka and MongoDB. Frames are recorded directly (the frame path is FeedIT's) so their times and places are chosen.
 */
class AlertsAndMapIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static FeedPlatform platform;

  @BeforeAll
  static void start() {
    platform = FeedPlatform.start("--plantspy.feeds.alerts.threshold=0.8", "--plantspy.feeds.alerts.window=1h");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aDiseaseRaisesOneAlertPerDeviceClassAndWindow() {
    String device = "d-alerts-" + UUID.randomUUID().toString().substring(0, 8);
    String first = frame(device, "gus", "2026-05-01T10:05:00Z", null, null);
    String sameWindow = frame(device, "gus", "2026-05-01T10:40:00Z", null, null);
    String nextWindow = frame(device, "gus", "2026-05-01T11:10:00Z", null, null);
    String belowThreshold = frame(device, "gus", "2026-05-01T12:10:00Z", null, null);
    String healthy = frame(device, "gus", "2026-05-01T13:10:00Z", null, null);

    TestKafka.publish(TestKafka.earlyBlight(first, "gus", 0.9f));
    TestKafka.publish(TestKafka.earlyBlight(sameWindow, "gus", 0.95f));
    TestKafka.publish(TestKafka.earlyBlight(nextWindow, "gus", 0.85f));
    TestKafka.publish(TestKafka.earlyBlight(belowThreshold, "gus", 0.5f));
    TestKafka.publish(TestKafka.healthy(healthy, "gus"));
    // Redelivery of an alerting result must not raise its alert again.
    TestKafka.publish(TestKafka.earlyBlight(first, "gus", 0.9f));
    awaitDiagnosed(first, sameWindow, nextWindow, belowThreshold, healthy);

    List<String> written = TestKafka.alerts(json -> json.contains(device), 2, Duration.ofSeconds(3));
    assertThat(written).hasSize(2);
    Map<?, ?> alert = JSON.readValue(written.get(0), Map.class);
    assertThat(alert.get("type")).isEqualTo("alert.disease_detected");
    assertThat(alert.get("predictedClass")).isEqualTo("Tomato___Early_blight");

    platform.as("gus").get().uri("/api/v1/alerts?since=2020-01-01T00:00:00Z").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.length()").isEqualTo(2)
        .jsonPath("$[0].diagnosisId").isEqualTo(first)
        .jsonPath("$[0].windowStart").isEqualTo("2026-05-01T10:00:00Z")
        .jsonPath("$[1].diagnosisId").isEqualTo(nextWindow)
        .jsonPath("$[1].windowStart").isEqualTo("2026-05-01T11:00:00Z");
    platform.as("ivy").get().uri("/api/v1/alerts").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
  }

  @Test
  void theFieldMapIsAnRfc7946FeatureCollectionOfTheCallersGeoTaggedDiagnoses() {
    String device = "d-map-" + UUID.randomUUID().toString().substring(0, 8);
    String inside = frame(device, "hal", "2026-05-02T10:00:00Z", 48.10, 11.50);
    String insideToo = frame(device, "hal", "2026-05-02T10:01:00Z", 48.20, 11.60);
    String outside = frame(device, "hal", "2026-05-02T10:02:00Z", 52.52, 13.40);
    String noPosition = frame(device, "hal", "2026-05-02T10:03:00Z", null, null);
    String healthy = frame(device, "hal", "2026-05-02T10:04:00Z", 48.15, 11.55);
    String someoneElses = frame("d-other-" + UUID.randomUUID(), "joe", "2026-05-02T10:05:00Z", 48.11, 11.51);
    for (String id : List.of(inside, insideToo, outside, noPosition)) {
      TestKafka.publish(TestKafka.earlyBlight(id, "hal", 0.9f));
    }
    TestKafka.publish(TestKafka.healthy(healthy, "hal"));
    TestKafka.publish(TestKafka.earlyBlight(someoneElses, "joe", 0.9f));
    awaitDiagnosed(inside, insideToo, outside, noPosition, healthy, someoneElses);

    Map<?, ?> collection = geoJson("hal", "/api/v1/observations.geojson?bbox=11.0,48.0,12.0,48.5"
        + "&class=Tomato___Early_blight&since=2026-05-02T00:00:00Z");
    assertThat(collection.get("type")).isEqualTo("FeatureCollection");
    List<?> features = (List<?>) collection.get("features");
    assertThat(features).hasSize(2);
    for (Object item : features) {
      Map<?, ?> feature = (Map<?, ?>) item;
      assertThat(feature.get("type")).isEqualTo("Feature");
      assertThat(feature.get("id")).isIn(inside, insideToo);
      Map<?, ?> geometry = (Map<?, ?>) feature.get("geometry");
      assertThat(geometry.get("type")).isEqualTo("Point");
      List<?> position = (List<?>) geometry.get("coordinates");
      assertThat(position).hasSize(2).allSatisfy(n -> assertThat(n).isInstanceOf(Number.class));
      // RFC 7946 3.1.1: longitude first, then latitude.
      assertThat(((Number) position.get(0)).doubleValue()).isBetween(11.0, 12.0);
      assertThat(((Number) position.get(1)).doubleValue()).isBetween(48.0, 48.5);
      Map<?, ?> properties = (Map<?, ?>) feature.get("properties");
      assertThat(List.<Object>copyOf(properties.keySet())).contains("class", "health", "confidence", "device", "capturedAt");
      assertThat(properties.get("class")).isEqualTo("Tomato___Early_blight");
      assertThat(properties.get("device")).isEqualTo(device);
    }

    List<?> all = (List<?>) geoJson("hal", "/api/v1/observations.geojson?since=2026-05-02T00:00:00Z")
        .get("features");
    assertThat(all).hasSize(4);
    List<?> admin = (List<?>) geoJson("root", "/api/v1/observations.geojson?since=2026-05-02T00:00:00Z", "admin")
        .get("features");
    assertThat(admin).hasSize(5);
    platform.as("hal").get().uri("/api/v1/observations.geojson?bbox=12,48,11,49").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/bad-bbox");
  }

  private static Map<?, ?> geoJson(String caller, String uri, String... roles) {
    byte[] body = platform.as(caller, roles).get().uri(uri).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/geo+json"))
        .expectBody().returnResult().getResponseBody();
    return JSON.readValue(body, Map.class);
  }

  private static String frame(String device, String owner, String receivedAt, Double lat, Double lon) {
    String id = UUID.randomUUID().toString();
    platform.bean(FeedFrameStore.class).insert(new FeedFrame(id, device, "farm-x", owner, "f-" + id,
        Instant.parse(receivedAt), Instant.parse(receivedAt), lat, lon, null, null, "image/jpeg", 100, null, null))
        .block();
    return id;
  }

  private static void awaitDiagnosed(String... ids) {
    FeedFrameStore frames = platform.bean(FeedFrameStore.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> List.of(ids).stream()
        .allMatch(id -> {
          FrameDiagnosis d = frames.find(id).block().diagnosis();
          return d != null;
        }));
  }
}
