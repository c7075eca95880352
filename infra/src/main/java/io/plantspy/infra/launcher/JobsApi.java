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

/** The running platform's jobs API as a demo user: requests with a renewing token, answers as JSON. */
final class JobsApi {

  static final String PATH = "/api/v1/jobs";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final RenewingToken token;
  private final String base;

  JobsApi(String user) throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    this.token = new RenewingToken(DemoTokens.fetch(state, user), () -> DemoTokens.fetch(state, user),
        Instant::now);
    var platform = state.platform();
    this.base = "http://" + platform.map(PlatformState::host).orElse(PlatformSettings.DEFAULT_HOST) + ":"
        + platform.map(p -> p.port(ApiService.PORT)).orElse(ApiService.PORT.defaultPort());
  }

  HttpRequest.Builder request(String path) throws Exception {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token.get());
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return http.send(request, body);
  }

  /** GETs or POSTs {@code path}; the JSON answer, or an exception with the problem's detail. */
  JsonNode json(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return answer(response);
  }

  static JsonNode answer(HttpResponse<String> response) throws IOException {
    JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    if (response.statusCode() >= 300) {
      throw new IOException("HTTP " + response.statusCode() + ": " + body.path("detail").asString(response.body()));
    }
    return body;
  }
}
