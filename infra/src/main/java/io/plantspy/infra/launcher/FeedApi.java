package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running feed gateway's device API and its counters, as a demo user, for {@code feed} and {@code devices}. */
final class FeedApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String brokerUrl;
  private final RenewingToken token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FeedApi(String baseUrl, String brokerUrl, RenewingToken token) {
    this.baseUrl = baseUrl;
    this.brokerUrl = brokerUrl;
    this.token = token;
  }

  static FeedApi connect(StateFolder state, String user) throws DemoTokens.Unavailable, IOException {
    RenewingToken token = new RenewingToken(DemoTokens.fetch(state, user), () -> DemoTokens.fetch(state, user),
        Instant::now);
    Optional<PlatformState> platform = state.platform();
    String host = platform.map(PlatformState::host).orElse(PlatformSettings.DEFAULT_HOST);
    int http = platform.map(p -> p.port(FeedGatewayService.PORT)).orElse(FeedGatewayService.PORT.defaultPort());
    int mqtt = platform.map(p -> p.port(FeedBrokerService.PORT)).orElse(FeedBrokerService.PORT.defaultPort());
    return new FeedApi("http://" + host + ":" + http, "tcp://" + host + ":" + mqtt, token);
  }

  String brokerUrl() {
    return brokerUrl;
  }

  /** Registers a device; the answer holds its MQTT username and password. */
  JsonNode register(String farm, String name) throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("farm", farm).put("name", name).toString();
    return send(request("/api/v1/devices").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
  }

  JsonNode list() throws IOException, InterruptedException {
    return send(request("/api/v1/devices").GET(), 200);
  }

  void remove(String id) throws IOException, InterruptedException {
    send(request("/api/v1/devices/" + id).DELETE(), 204);
  }

  /** A counter of the gateway's ({@code plantspy.feeds.frames.sampled} and the like); admin only. */
  long counter(String name, String tag) throws IOException, InterruptedException {
    JsonNode metric = send(request("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag)).GET(), 200);
    return (long) metric.path("measurements").path(0).path("value").asDouble();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token.get());
  }

  private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException("feed gateway answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
