package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.SilentServer;
import io.plantspy.testsupport.TestMongo;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak unreachable: a token the API cannot check for want of the realm's keys is 503 {@code auth-unavailable}
 * with {@code Retry-After}, while a token that is bad on its face stays 401. Two ways of getting keys: an issuer
 * whose discovery document cannot be fetched, and (nested) a JWKS URL that accepts connections and never answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
@TestPropertySource(properties = {"plantspy.security.issuer-uri=http://127.0.0.1:1/realms/plantspy",
    "plantspy.security.keys-timeout=1s", "plantspy.retry-after.unavailable=9s"})
class AuthOutageApiTest {

  private static final SilentServer silent = new SilentServer("silent-jwks");

  @Autowired ApplicationContext context;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
  }

  @AfterAll
  static void stopServer() throws IOException {
    silent.close();
  }

  @Test
  void anIssuerWhoseDiscoveryCannotBeReachedIs503WithRetryAfter() {
    authUnavailable(ApiTestSupport.client(context));
  }

  @Test
  void aMalformedTokenIsStill401WhileKeysAreUnreachable() {
    ApiTestSupport.bearer(ApiTestSupport.client(context), "not.a.jwt").get().uri("/api/v1/diagnoses/x").exchange()
        .expectStatus().isUnauthorized();
  }

  /** Keys from a JWKS URL that accepts connections and never answers. */
  @Nested
  class SilentJwks {

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
      registry.add("plantspy.security.jwk-set-uri", () -> "http://127.0.0.1:" + silent.port() + "/certs");
    }

    @Autowired ApplicationContext nestedContext;

    @Test
    void aJwksThatDoesNotAnswerIs503WithRetryAfter() {
      authUnavailable(ApiTestSupport.client(nestedContext));
    }
  }

  private static void authUnavailable(WebTestClient client) {
    ApiTestSupport.as(client.mutate().responseTimeout(Duration.ofSeconds(20)).build(), "alice", "category")
        .get().uri("/api/v1/diagnoses/x").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "9")
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).value(body -> assertThat(body)
            .containsEntry("type", "https://plantspy.io/problems/auth-unavailable"));
  }

}
