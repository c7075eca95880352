package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running trainer service's admin API as a demo user: what {@code retrain} and {@code releases list|promote}
 * call. Answers come back as JSON trees with their status; a problem's {@code detail} is what people read.
 */
final class TrainerApi {

  static final String RUNS = "/api/v1/admin/training-runs";
  static final String RELEASES = "/api/v1/admin/releases";

  /** An answer: its status and JSON body (empty object when there was none). */
  record Answer(int status, JsonNode body) {

    boolean ok() {
      return status / 100 == 2;
    }

    /** A problem's detail, else the status line. */
    String detail() {
      return body.path("detail").asString("HTTP " + status);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final RenewingToken token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TrainerApi(String baseUrl, RenewingToken token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static TrainerApi connect(StateFolder state, String user) throws DemoTokens.Unavailable, IOException {
    var platform = state.platform();
    String url = "http://" + platform.map(PlatformState::host).orElse(PlatformSettings.DEFAULT_HOST) + ":"
        + platform.map(p -> p.port(TrainerService.PORT)).orElse(TrainerService.PORT.defaultPort());
    return new TrainerApi(url, new RenewingToken(DemoTokens.fetch(state, user), () -> DemoTokens.fetch(state, user),
        Instant::now));
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  Answer post(String path) throws IOException, InterruptedException {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IOException("the trainer service does not answer at " + baseUrl
          + "; is the platform up (./plantspy status)?", e);
    }
    String body = response.body();
    return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode()
        : JSON.readTree(body));
  }
}
