package io.plantspy.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.ingest.TestProperties;
import io.plantspy.ingest.problem.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The fetcher with the production policy (no allowlist): loopback by literal or by name is never contacted. */
class ImageFetcherTest {

  private final ImageFetcher fetcher = new ImageFetcher(TestProperties.bind(FetchProperties.class, Map.of(
      "connect-timeout", "300ms", "read-timeout", "300ms", "total-timeout", "2s", "max-redirects", "1")),
      1024 * 1024);

  @Test
  void refusesLoopbackWithoutAllowlist() {
    for (String url : List.of("http://127.0.0.1:9/leaf.png", "http://localhost:9/leaf.png",
        "http://[::1]:9/leaf.png", "http://[::ffff:127.0.0.1]:9/x.png", "https://169.254.169.254/")) {
      assertThatThrownBy(() -> fetcher.fetch(url).block(Duration.ofSeconds(5))).as(url)
          .isInstanceOfSatisfying(ApiProblem.class, p -> {
            if (p.getStatusCode() != HttpStatus.UNPROCESSABLE_CONTENT) {
              throw new AssertionError(url + " gave " + p.getMessage());
            }
          });
    }
  }

  @Test
  void refusesOtherSchemesAsBadRequest() {
    for (String url : List.of("ftp://example.com/x.png", "gopher://x", "http://user:pw@example.com/x.png", "x")) {
      assertThatThrownBy(() -> fetcher.fetch(url).block(Duration.ofSeconds(5))).as(url)
          .isInstanceOfSatisfying(ApiProblem.class, p -> {
            if (p.getStatusCode() != HttpStatus.BAD_REQUEST) {
              throw new AssertionError(url + " gave " + p.getMessage());
            }
          });
    }
  }
}
