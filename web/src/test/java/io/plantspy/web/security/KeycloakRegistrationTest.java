package io.plantspy.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/** Browsers are sent to the issuer; the app's own calls to the realm go where the app reaches it. */
class KeycloakRegistrationTest {

  private static final URI ISSUER = URI.create("http://localhost:8081/realms/plantspy");

  @Test
  void sendsBrowsersToTheIssuerAndCallsTheRealmThroughItsBackchannel() {
    ClientRegistration registration = registration(
        new RealmProperties(ISSUER, "plantspy-web", URI.create("http://keycloak:8080/realms/plantspy")));

    assertThat(registration.getProviderDetails().getAuthorizationUri())
        .isEqualTo("http://localhost:8081/realms/plantspy/protocol/openid-connect/auth");
    assertThat(registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
        .isEqualTo("http://localhost:8081/realms/plantspy/protocol/openid-connect/logout");
    assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(ISSUER.toString());
    assertThat(registration.getProviderDetails().getTokenUri())
        .isEqualTo("http://keycloak:8080/realms/plantspy/protocol/openid-connect/token");
    assertThat(registration.getProviderDetails().getJwkSetUri())
        .isEqualTo("http://keycloak:8080/realms/plantspy/protocol/openid-connect/certs");
  }

  @Test
  void withoutABackchannelEveryCallGoesToTheIssuer() {
    ClientRegistration registration = registration(new RealmProperties(ISSUER, "plantspy-web", null));

    assertThat(registration.getProviderDetails().getTokenUri())
        .isEqualTo("http://localhost:8081/realms/plantspy/protocol/openid-connect/token");
    assertThat(registration.getProviderDetails().getJwkSetUri())
        .isEqualTo("http://localhost:8081/realms/plantspy/protocol/openid-connect/certs");
  }

  private static ClientRegistration registration(RealmProperties realm) {
    return ((InMemoryClientRegistrationRepository) new KeycloakRegistration().clientRegistrationRepository(realm))
        .findByRegistrationId(KeycloakRegistration.REGISTRATION_ID);
  }
}
