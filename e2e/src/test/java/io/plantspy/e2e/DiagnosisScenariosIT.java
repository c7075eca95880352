package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.launcher.PlatformApi;
import io.plantspy.schemas.TopicNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform through its real parts, as {@code ./plantspy up} runs it: a token from the real Keycloak,
 * an upload to the ingest API, the request over the real KRaft broker to the stream processor running the
 * committed model, the result stored in MongoDB and returned by waiting and by polling.
 */
@Order(1)
@ExtendWith(ScriptedPlatformExtension.class)
class DiagnosisScenariosIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ScriptedPlatform platform;
  private static KeycloakAdmin keycloak;
  private static Map<String, String> passwords;

  /** A failure on CI leaves only the console: show what the services logged, since their folder is deleted. */
  @RegisterExtension
  static final TestWatcher SERVICE_LOGS_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (platform != null) {
        ServiceLogs.printTails(platform.state().logs(), 80, System.out);
      }
    }
  };

  @BeforeAll
  static void connect(ScriptedPlatform running) throws Exception {
    platform = running;
    passwords = platform.state().passwords();
    keycloak = platform.keycloakAdmin();
  }

  @Test
  void diagnosesAKnownLeafByWaitingAndByPolling() throws Exception {
    byte[] leaf = LeafPhotos.knownLeaf("Tomato___healthy");
    String token = token("grower");

    HttpResponse<String> waited = upload(token, leaf, "?wait=60s");
    assertThat(waited.statusCode()).as(waited.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(waited.body());
    assertThat(result.path("status").asString()).isEqualTo("DONE");
    assertThat(result.path("unknown").asBoolean()).isFalse();
    assertThat(result.path("category").path("label").asString()).isEqualTo("Tomato");
    assertThat(result.path("health").path("label").asString()).isEqualTo("healthy");
    assertThat(result.path("predictedClass").asString()).isEqualTo("Tomato___healthy");
    assertThat(result.path("modelRelease").asString()).isNotBlank();

    HttpResponse<String> accepted = upload(token, leaf, "");
    // 202 and a Location to poll; or 200 with the answer when the processor answered before the API had recorded
    // the request (an idle platform can: about 100 ms), since the API answers with the diagnosis as it stands.
    assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 202);
    JsonNode polled = accepted.statusCode() == 200 ? JSON.readTree(accepted.body())
        : pollUntilDone(token, accepted.headers().firstValue("Location").orElseThrow());
    assertThat(polled.path("status").asString()).isEqualTo("DONE");
    assertThat(polled.path("category").path("label").asString()).isEqualTo("Tomato");
    assertThat(polled.path("health").path("label").asString()).isEqualTo("healthy");
  }

  @Test
  void oneTraceFollowsADiagnosisThroughTheProcessorAndItsMetersAreScraped() throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    PlatformApi api = new PlatformApi(platform.apiUrl() + "/api/v1/diagnoses", token("grower"));
    HttpRequest traced = HttpRequest.newBuilder(api.upload(LeafPhotos.knownLeaf("Tomato___healthy"), "leaf.jpg",
        "?wait=60s"), (name, value) -> true).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build();
    HttpResponse<String> response = HTTP.send(traced, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    // The real processor copied the request record's traceparent onto the result the listener stored.
    assertThat(JSON.readTree(response.body()).path("traceId").asString()).isEqualTo(traceId);

    URI processorMetrics = URI.create("http://" + ScriptedPlatform.HOST + ":" + platform.port("processor")
        + "/actuator/prometheus");
    HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(processorMetrics).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("plantspy_processor_requests_total{", "plantspy_processor_release_champion{");
  }

  @Test
  void largePhotoTravelsAsAClaimCheckThroughGridFs() throws Exception {
    byte[] photo = LeafPhotos.enlarged(LeafPhotos.knownLeaf("Tomato___healthy"), 2000);
    assertThat(photo.length).as("above the 256 KiB inline limit").isGreaterThan(256 * 1024);
    HttpResponse<String> response = upload(token("grower"), photo, "?wait=60s");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("status").asString()).isEqualTo("DONE");
    assertThat(result.has("error")).as(response.body()).isFalse();
    assertThat(result.path("predictedClass").asString()).isNotBlank();
  }

  @Test
  void callerSeesOnlyTheAnswersTheirRolesAllow() throws Exception {
    HttpResponse<String> response = upload(token("viewer"), LeafPhotos.knownLeaf("Apple___Black_rot"), "?wait=60s");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("category").path("label").asString()).isEqualTo("Apple");
    assertThat(result.has("health")).isFalse();
    assertThat(result.has("disease")).isFalse();
    assertThat(result.has("top3")).isFalse();

    String id = result.path("id").asString();
    HttpResponse<String> someoneElse = get(token("grower"), platform.apiUrl() + "/api/v1/diagnoses/" + id);
    assertThat(someoneElse.statusCode()).isEqualTo(404);
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndTheNextRequestIsAnswered() throws Exception {
    TopicNames topics = TopicNames.defaults();
    String key = "poison-" + UUID.randomUUID();
    Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
    try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.requests(), key, "not avro at all".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    ConsumerRecord<String, byte[]> dead = awaitRecord(topics.dlq(), key);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
    assertThat(dead.headers().toArray()).isNotEmpty();

    HttpResponse<String> next = upload(token("grower"), LeafPhotos.knownLeaf("Corn_(maize)___Common_rust_"),
        "?wait=60s");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(JSON.readTree(next.body()).path("category").path("label").asString()).isEqualTo("Corn (maize)");
  }

  @Test
  void refusesCallsWithoutAValidToken() throws Exception {
    HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(platform.apiUrl()
        + "/api/v1/diagnoses/" + UUID.randomUUID())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    HttpResponse<String> forged = get("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
        platform.apiUrl() + "/api/v1/diagnoses/" + UUID.randomUUID());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  private static String token(String user) throws IOException {
    return keycloak.userToken(user, passwords.get(user));
  }

  private static HttpResponse<String> upload(String token, byte[] image, String query) throws Exception {
    PlatformApi api = new PlatformApi(platform.apiUrl() + "/api/v1/diagnoses", token);
    return HTTP.send(api.upload(image, "leaf.jpg", query), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String token, String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode pollUntilDone(String token, String location) throws Exception {
    String url = location.startsWith("http") ? location : platform.apiUrl() + location;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(token, url);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      if ("DONE".equals(body.path("status").asString())) {
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("diagnosis at " + location + " not done within 60 s");
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "plantspy-e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic + " within 60 s");
  }
}
