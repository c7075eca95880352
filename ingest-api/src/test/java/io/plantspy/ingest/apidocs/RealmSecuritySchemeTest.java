package io.plantspy.ingest.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.security.SecurityProperties;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealmSecuritySchemeTest {

  @Test
  void derivesTheAuthorizationCodeEndpointsFromTheIssuer() {
    SecurityScheme scheme = RealmSecurityScheme.of(properties(URI.create("http://127.0.0.1:8081/realms/plantspy/")));
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
    OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
    assertThat(flow.getAuthorizationUrl())
        .isEqualTo("http://127.0.0.1:8081/realms/plantspy/protocol/openid-connect/auth");
    assertThat(flow.getTokenUrl()).isEqualTo("http://127.0.0.1:8081/realms/plantspy/protocol/openid-connect/token");
    assertThat(scheme.getFlows().getImplicit()).isNull();
    assertThat(scheme.getFlows().getPassword()).isNull();
  }

  @Test
  void fallsBackToABearerTokenWhenOnlyTheKeysAreConfigured() {
    SecurityScheme scheme = RealmSecurityScheme.of(new SecurityProperties(null,
        URI.create("http://127.0.0.1:8081/realms/plantspy/protocol/openid-connect/certs"), "plantspy-api", Duration.ofSeconds(5),
        new SecurityProperties.TokenCache(0, Duration.ofMinutes(1))));
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(scheme.getScheme()).isEqualTo("bearer");
  }

  private static SecurityProperties properties(URI issuer) {
    return new SecurityProperties(issuer, null, "plantspy-api", Duration.ofSeconds(5),
        new SecurityProperties.TokenCache(0, Duration.ofMinutes(1)));
  }
}
