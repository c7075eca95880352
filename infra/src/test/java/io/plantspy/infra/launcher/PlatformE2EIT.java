package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.model.runtime.Sha256;
import io.plantspy.schemas.TopicNames;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform through its real parts, as `./plantspy up` runs it: a token from the real Keycloak, an
 * upload to the ingest API, the request over the real KRaft broker to the stream processor running the
 * committed model, the result stored in MongoDB and returned by waiting and by polling.
 */
class PlatformE2EIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Platform platform;
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
  static void startPlatform(@TempDir Path dir) throws Exception {
    PlatformSettings.Ports ports = FreePorts.forPlatform();
    PlatformSettings settings = new PlatformSettings(Path.of("..").toAbsolutePath().normalize(),
        dir.resolve("state"), PlatformSettings.DEFAULT_HOST, ports, PlatformSettings.Timeouts.defaults());
    platform = Platform.start(settings, EnumSet.allOf(Platform.Service.class), System.out::println);
    assertThat(platform.skipped(Platform.Service.API)).as("ingest-api jar built").isFalse();
    passwords = platform.state().passwords();
    keycloak = new KeycloakAdmin(settings.keycloakUrl(), "admin", passwords.get(StateFolder.KEYCLOAK_ADMIN));
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void diagnosesAKnownLeafByWaitingAndByPolling() throws Exception {
    byte[] leaf = knownLeaf("Tomato___healthy");
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
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    JsonNode polled = pollUntilDone(token, location);
    assertThat(polled.path("category").path("label").asString()).isEqualTo("Tomato");
    assertThat(polled.path("health").path("label").asString()).isEqualTo("healthy");
  }

  @Test
  void largePhotoTravelsAsAClaimCheckThroughGridFs() throws Exception {
    byte[] photo = enlarged(knownLeaf("Tomato___healthy"), 2000);
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
    HttpResponse<String> response = upload(token("viewer"), knownLeaf("Apple___Black_rot"), "?wait=60s");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("category").path("label").asString()).isEqualTo("Apple");
    assertThat(result.has("health")).isFalse();
    assertThat(result.has("disease")).isFalse();
    assertThat(result.has("top3")).isFalse();

    String id = result.path("id").asString();
    HttpResponse<String> someoneElse = get(token("grower"), platform.settings().apiUrl() + "/api/v1/diagnoses/" + id);
    assertThat(someoneElse.statusCode()).isEqualTo(404);
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndTheNextRequestIsAnswered() throws Exception {
    TopicNames topics = TopicNames.defaults();
    String key = "poison-" + UUID.randomUUID();
    Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        platform.settings().kafkaBootstrap());
    try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.requests(), key, "not avro at all".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    ConsumerRecord<String, byte[]> dead = awaitRecord(topics.dlq(), key);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
    assertThat(dead.headers().toArray()).isNotEmpty();

    HttpResponse<String> next = upload(token("grower"), knownLeaf("Corn_(maize)___Common_rust_"), "?wait=60s");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(JSON.readTree(next.body()).path("category").path("label").asString()).isEqualTo("Corn (maize)");
  }

  @Test
  void refusesCallsWithoutAValidToken() throws Exception {
    HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(platform.settings().apiUrl()
        + "/api/v1/diagnoses/" + UUID.randomUUID())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    HttpResponse<String> forged = get("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
        platform.settings().apiUrl() + "/api/v1/diagnoses/" + UUID.randomUUID());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  private static String token(String user) throws IOException {
    return keycloak.userToken(user, passwords.get(user));
  }

  /** A test-split photo of the class that the committed release answers correctly and confidently. */
  private static byte[] knownLeaf(String label) throws IOException {
    Path dataset = Path.of(System.getProperty("plantspy.dataset.dir", "../../shared/datasets/plantvillage"));
    Assumptions.assumeTrue(Files.isDirectory(dataset), "dataset not present at " + dataset);
    Path models = Path.of(System.getProperty("plantspy.models.dir", "../models"));
    Path release = models.resolve("releases").resolve(Files.readString(models.resolve("CURRENT")).trim());
    List<String> predictions = Files.readAllLines(release.resolve("evaluation/test-predictions.csv"));
    for (String row : predictions) {
      String[] cells = row.split(",");
      if (row.contains("," + label + "," + label + ",") && cells[cells.length - 1].equals("false")) {
        try (var files = Files.walk(dataset.resolve(label))) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            byte[] bytes = Files.readAllBytes(file);
            if (Sha256.hex(bytes).equals(cells[0])) {
              return bytes;
            }
          }
        }
      }
    }
    throw new IllegalStateException("no confident correct test photo of " + label + " in the committed release");
  }

  /** The photo scaled up to a phone-sized JPEG, with a little noise so it does not compress away. */
  private static byte[] enlarged(byte[] jpeg, int size) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
    BufferedImage big = new BufferedImage(size, size,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(source, 0, 0, size, size, null);
    g.dispose();
    Random random = new Random(1);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = big.getRGB(x, y);
        int n = random.nextInt(9) - 4;
        int r = Math.max(0, Math.min(255, ((rgb >> 16) & 0xFF) + n));
        int gr = Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) + n));
        int b = Math.max(0, Math.min(255, (rgb & 0xFF) + n));
        big.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(big, "jpg", out);
    return out.toByteArray();
  }

  private static HttpResponse<String> upload(String token, byte[] image, String query) throws Exception {
    PlatformApi api = new PlatformApi(platform.settings().apiUrl() + "/api/v1/diagnoses", token);
    return HTTP.send(api.upload(image, "leaf.jpg", query), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String token, String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode pollUntilDone(String token, String location) throws Exception {
    String url = location.startsWith("http") ? location : platform.settings().apiUrl() + location;
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
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().kafkaBootstrap());
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
