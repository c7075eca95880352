package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Camera feeds on the platform {@code ./plantspy up} started: a device registered with {@code ./plantspy devices
 * add} sends a GPS-tagged leaf photo over MQTT and gets the committed model's answer on its diagnosis topic, in its
 * diagnoses and on the field map; {@code ./plantspy feed simulate} plays drones that get answers too.
 */
@Order(1)
@ExtendWith(ScriptedPlatformExtension.class)
class FeedScenarioIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String LEAF = "Tomato___Early_blight";

  @Test
  void aRegisteredCameraGetsTheModelsAnswerOverMqttInItsDiagnosesAndOnTheFieldMap(ScriptedPlatform platform)
      throws Exception {
    byte[] leaf = LeafPhotos.knownLeaf(LEAF);
    Instant start = Instant.now();
    PlantspyScript.Result added = platform.run("devices", "add", "--user", "grower", "--farm", "e2e-field",
        "--name", "mast camera");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    Map<String, String> device = fields(added.out());
    String id = device.get("device");
    String token = token(platform, "grower");

    MqttClient camera = new MqttClient("tcp://" + ScriptedPlatform.HOST + ":" + platform.port("mqtt"),
        device.get("username"), new MemoryPersistence());
    BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
    try {
      MqttConnectOptions options = new MqttConnectOptions();
      options.setUserName(device.get("username"));
      options.setPassword(device.get("password").toCharArray());
      camera.connect(options);
      camera.subscribe(device.get("answers"), 1,
          (topic, message) -> answers.add(JSON.readTree(message.getPayload())));
      String envelope = "{\"image\":\"" + Base64.getEncoder().encodeToString(leaf) + "\",\"frameId\":\"e2e-1\","
          + "\"lat\":48.1001,\"lon\":11.5002,\"alt\":30.0}";
      camera.publish(device.get("publish"), new MqttMessage(envelope.getBytes(StandardCharsets.UTF_8)));

      JsonNode answer = answers.poll(60, TimeUnit.SECONDS);
      assertThat(answer).as("an answer on " + device.get("answers") + " within 60 s").isNotNull();
      assertThat(answer.path("frameId").asString()).isEqualTo("e2e-1");
      assertThat(answer.path("predictedClass").asString()).isEqualTo(LEAF);
      assertThat(answer.path("crop").asString()).isEqualTo("Tomato");
      assertThat(answer.path("disease").asString()).isEqualTo("Early blight");
    } finally {
      camera.disconnect();
      camera.close();
    }

    String feeds = "http://" + ScriptedPlatform.HOST + ":" + platform.port("feeds");
    HttpResponse<String> listed = get(token, feeds + "/api/v1/devices/" + id + "/diagnoses?since=" + start);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).valueStream().map(d -> d.path("frameId").asString() + " "
        + d.path("predictedClass").asString())).containsExactly("e2e-1 " + LEAF);

    HttpResponse<String> map = get(token, feeds + "/api/v1/observations.geojson?class=" + LEAF + "&since=" + start);
    assertThat(map.statusCode()).as(map.body()).isEqualTo(200);
    JsonNode features = JSON.readTree(map.body()).path("features");
    assertThat(features.valueStream().filter(f -> id.equals(f.path("properties").path("device").asString())))
        .singleElement().satisfies(f -> assertThat(f.path("geometry").path("coordinates").valueStream()
            .map(JsonNode::asDouble)).containsExactly(11.5002, 48.1001, 30.0));
    assertThat(platform.run("devices", "remove", "--user", "grower", id).exitCode()).isZero();
  }

  @Test
  void simulatedDronesAreAnsweredWithTheModelsDiagnosis(ScriptedPlatform platform, @TempDir Path photos)
      throws Exception {
    Files.write(photos.resolve("leaf.jpg"), LeafPhotos.knownLeaf(LEAF));
    PlantspyScript.Result simulated = platform.run("feed", "simulate", "--devices", "2", "--fps", "1",
        "--duration", "3s", "--drone", photos.toString());
    assertThat(simulated.exitCode()).as(simulated.toString()).isZero();
    // The gateway keeps one frame per device per 5 s, so each drone's first frame is answered.
    assertThat(simulated.out()).as(simulated.toString()).contains("answers  " + LEAF + ":2")
        .containsPattern("answered [0-9.]+ frames/s, publish->answer p50 [0-9]+ ms, p95 [0-9]+ ms \\(2 timed\\)");
  }

  /** {@code devices add} prints {@code name value} lines: device, username, password, publish, answers. */
  private static Map<String, String> fields(String out) {
    Map<String, String> fields = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 2) {
        fields.put(words[0], words[1]);
      }
    }
    return fields;
  }

  private static String token(ScriptedPlatform platform, String user) throws Exception {
    return platform.token(user);
  }

  private static HttpResponse<String> get(String token, String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
