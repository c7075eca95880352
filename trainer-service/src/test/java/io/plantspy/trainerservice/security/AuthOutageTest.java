package io.plantspy.trainerservice.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.plantspy.jwtroles.RealmSecurityProperties;
import io.plantspy.testsupport.SilentServer;
import io.plantspy.testsupport.TestTokens;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keycloak unreachable: a token the service cannot check for want of the realm's keys is 503
 * {@code auth-unavailable} with {@code Retry-After}, not the 500 Spring Security's servlet default gives, while a
 * token that is bad on its face stays 401. Keys from an issuer whose discovery cannot be reached, and (nested) from
 * a JWKS URL that accepts connections and never answers.
 */
@WebMvcTest(controllers = AuthOutageTest.Probe.class)
@Import({SecurityConfig.class, AuthOutageTest.Probe.class})
@EnableConfigurationProperties(RealmSecurityProperties.class)
@TestPropertySource(properties = {"plantspy.security.issuer-uri=http://127.0.0.1:1/realms/plantspy",
    "plantspy.security.keys-timeout=1s", "plantspy.security.unavailable-retry-after=9s"})
class AuthOutageTest {

  private static final SilentServer silent = new SilentServer("silent-jwks");

  @Autowired MockMvc mvc;

  @AfterAll
  static void stopServer() throws IOException {
    silent.close();
  }

  @Test
  void anIssuerWhoseDiscoveryCannotBeReachedIs503WithRetryAfter() throws Exception {
    authUnavailable(mvc);
  }

  @Test
  void aMalformedTokenIsStill401WhileKeysAreUnreachable() throws Exception {
    mvc.perform(get("/api/v1/admin/probe").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  /** Keys from a JWKS URL that accepts connections and never answers. */
  @Nested
  class SilentJwks {

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
      registry.add("plantspy.security.jwk-set-uri", () -> "http://127.0.0.1:" + silent.port() + "/certs");
    }

    @Autowired MockMvc nestedMvc;

    @Test
    void aJwksThatDoesNotAnswerIs503WithRetryAfter() throws Exception {
      authUnavailable(nestedMvc);
    }
  }

  private static void authUnavailable(MockMvc mvc) throws Exception {
    mvc.perform(get("/api/v1/admin/probe")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("ada", "admin")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "9"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://plantspy.io/problems/auth-unavailable"));
  }

  /** Something behind the security chain to ask for. */
  @RestController
  static class Probe {

    @GetMapping("/api/v1/admin/probe")
    String probe() {
      return "reached";
    }
  }
}
