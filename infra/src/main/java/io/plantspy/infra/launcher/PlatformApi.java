package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** Requests to a running platform's diagnosis API as one demo user: photo uploads and URL submissions. */
public final class PlatformApi {

  private final String diagnosesUrl;
  private final Supplier<String> token;

  public PlatformApi(String diagnosesUrl, String token) {
    this(diagnosesUrl, () -> token);
  }

  PlatformApi(String diagnosesUrl, Supplier<String> token) {
    this.diagnosesUrl = diagnosesUrl;
    this.token = token;
  }

  /**
   * The detached platform recorded in the state folder, as {@code user}: a token is fetched now (so a refusal
   * shows at once) and renewed before it expires.
   */
  static PlatformApi connect(StateFolder state, String user) throws DemoTokens.Unavailable, IOException {
    RenewingToken token = new RenewingToken(DemoTokens.fetch(state, user), () -> DemoTokens.fetch(state, user),
        Instant::now);
    Optional<PlatformState> platform = state.platform();
    String url = "http://" + platform.map(PlatformState::host).orElse(PlatformSettings.DEFAULT_HOST) + ":"
        + platform.map(p -> p.port(ApiService.PORT)).orElse(ApiService.PORT.defaultPort()) + "/api/v1/diagnoses";
    return new PlatformApi(url, token::get);
  }

  /** A multipart upload of one photo; {@code query} is appended as is (e.g. {@code ?wait=30s}). */
  public HttpRequest upload(byte[] photo, String fileName, String query) {
    String boundary = "plantspy-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
        + fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    // One array, so the request declares its Content-Length: the API budgets a body without one (chunked) at the
    // largest image it accepts, and a client sending many small photos that way is soon told 429.
    byte[] body = new byte[head.length + photo.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(photo, 0, body, head.length, photo.length);
    System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
    return request(query).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  /** Asks the platform to fetch the photo at {@code url} itself. */
  HttpRequest submitUrl(String url, String query) {
    String body = JsonMapper.builder().build().createObjectNode().put("url", url).toString();
    return request(query).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder request(String query) {
    return HttpRequest.newBuilder(URI.create(diagnosesUrl + query)).timeout(Duration.ofMinutes(3))
        .header("Authorization", "Bearer " + token.get());
  }
}
