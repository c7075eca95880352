package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.net.httpserver.HttpServer;
import io.plantspy.infra.launcher.PlatformApi;
import io.plantspy.webhooks.signing.WebhookHeaders;
import io.plantspy.webhooks.signing.WebhookSecret;
import io.plantspy.webhooks.signing.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's webhook walk-through on the platform {@code ./plantspy up} started: subscribe a local receiver
 * with a grower's token, diagnose a leaf, and get a signed {@code diagnosis.completed} for it.
 */
@Order(1)
@ExtendWith(ScriptedPlatformExtension.class)
class WebhookScenarioIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One received request: its three Standard Webhooks headers and body. */
  private record Received(String id, String timestamp, String signature, String body) {}

  @Test
  void aSubscribedReceiverGetsASignedEventForADiagnosis(ScriptedPlatform platform) throws Exception {
    String token = platform.token("grower");
    BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    HttpServer receiver = receiver(received);
    try {
      String webhooks = "http://" + ScriptedPlatform.HOST + ":" + platform.port("webhooks") + "/api/v1/webhooks";
      String subscription = JSON.writeValueAsString(Map.of("url", "http://" + ScriptedPlatform.HOST + ":"
          + receiver.getAddress().getPort() + "/hook", "events", List.of("diagnosis.completed")));
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(webhooks))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(subscription)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode endpoint = JSON.readTree(created.body());

      HttpResponse<String> diagnosed = HTTP.send(new PlatformApi(platform.apiUrl() + "/api/v1/diagnoses", token)
              .upload(LeafPhotos.knownLeaf("Tomato___healthy"), "leaf.jpg", "?wait=60s"),
          HttpResponse.BodyHandlers.ofString());
      assertThat(diagnosed.statusCode()).as(diagnosed.body()).isEqualTo(200);
      String diagnosisId = JSON.readTree(diagnosed.body()).path("id").asString();

      Received event = received.poll(60, TimeUnit.SECONDS);
      assertThat(event).as("a webhook within 60 s").isNotNull();
      assertThatCode(() -> new WebhookVerifier(new WebhookSecret(endpoint.path("secret").asString()))
          .verify(event.id(), event.timestamp(), event.signature(), event.body())).doesNotThrowAnyException();
      JsonNode body = JSON.readTree(event.body());
      assertThat(body.path("type").asString()).isEqualTo("diagnosis.completed");
      assertThat(body.path("data").path("diagnosisId").asString()).isEqualTo(diagnosisId);
      assertThat(body.path("data").path("answers").path("category").path("label").asString()).isEqualTo("Tomato");
      assertThat(body.path("data").path("links").path("diagnosis").asString())
          .isEqualTo(platform.apiUrl() + "/api/v1/diagnoses/" + diagnosisId);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aDiagnosisNamingACallbackUrlIsAnsweredThereSignedWithTheCallbackSecret(ScriptedPlatform platform)
      throws Exception {
    String token = platform.token("viewer");
    BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    HttpServer receiver = receiver(received);
    try {
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + ScriptedPlatform.HOST
              + ":" + platform.port("webhooks") + "/api/v1/webhooks/callback-secret"))
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
      String secret = JSON.readTree(created.body()).path("secret").asString();
      String callback = "http://" + ScriptedPlatform.HOST + ":" + receiver.getAddress().getPort() + "/callback";

      HttpResponse<String> accepted = HTTP.send(new PlatformApi(platform.apiUrl() + "/api/v1/diagnoses", token)
              .upload(LeafPhotos.knownLeaf("Tomato___healthy"), "leaf.jpg",
                  "?callbackUrl=" + URLEncoder.encode(callback, StandardCharsets.UTF_8)),
          HttpResponse.BodyHandlers.ofString());
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String diagnosisId = JSON.readTree(accepted.body()).path("id").asString();

      Received event = received.poll(60, TimeUnit.SECONDS);
      assertThat(event).as("a callback within 60 s").isNotNull();
      assertThatCode(() -> new WebhookVerifier(new WebhookSecret(secret))
          .verify(event.id(), event.timestamp(), event.signature(), event.body())).doesNotThrowAnyException();
      JsonNode body = JSON.readTree(event.body());
      assertThat(body.path("data").path("diagnosisId").asString()).isEqualTo(diagnosisId);
      // The viewer holds only the category role.
      assertThat(body.path("data").path("answers").propertyNames()).containsExactly("category");
    } finally {
      receiver.stop(0);
    }
  }

  /** A local receiver that queues every request it gets and answers 204. */
  private static HttpServer receiver(BlockingQueue<Received> received) throws IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress(ScriptedPlatform.HOST, 0), 0);
    receiver.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        var h = exchange.getRequestHeaders();
        received.add(new Received(h.getFirst(WebhookHeaders.ID), h.getFirst(WebhookHeaders.TIMESTAMP),
            h.getFirst(WebhookHeaders.SIGNATURE), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    return receiver;
  }
}
