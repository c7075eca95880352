package io.plantspy.webhooks;

import io.plantspy.testsupport.SilentServer;
import io.plantspy.testsupport.TestMongo;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Keycloak unreachable (its JWKS accepts connections and never answers): a token the service cannot check is 503
 * {@code auth-unavailable} with {@code Retry-After}, while a token that is bad on its face stays 401.
 */
class AuthOutageIT {

  private static SilentServer silent;
  private static WebhooksApp app;

  @BeforeAll
  static void start() {
    silent = new SilentServer("silent-jwks");
    app = WebhooksApp.start(TestMongo.freshUri("webhooks-auth-outage"),
        "--plantspy.security.jwk-set-uri=http://127.0.0.1:" + silent.port() + "/certs",
        "--plantspy.security.keys-timeout=1s",
        "--plantspy.security.unavailable-retry-after=9s");
  }

  @AfterAll
  static void stop() throws IOException {
    app.close();
    silent.close();
  }

  @Test
  void aTokenThatCannotBeCheckedIs503WithRetryAfter() {
    app.as("ann", "category").get().uri("/api/v1/webhooks").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "9")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://plantspy.io/problems/auth-unavailable");
  }

  @Test
  void aMalformedTokenIsStill401() {
    app.client().get().uri("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
