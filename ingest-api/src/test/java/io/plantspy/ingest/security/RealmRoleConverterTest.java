package io.plantspy.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.TestProperties;
import io.plantspy.jwtroles.RealmRoleConverter;
import io.plantspy.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Realm roles to authorities, from the claims of signed Keycloak-shaped tokens as the API's own decoder reads them
 * (nested JSON maps and lists, housekeeping realm roles, client roles beside the realm roles), with the API's
 * known roles. Claims without usable realm roles and the audience check are tested in jwt-roles.
 */
class RealmRoleConverterTest {

  private final ReactiveJwtDecoder decoder = new SecurityConfig().jwtDecoder(
      new SecurityConfig().tokenCheck(properties()), properties(), Clock.systemUTC());
  private final RealmRoleConverter converter = RealmRoleConverter.namedBySubject(Roles.KNOWN);

  private static SecurityProperties properties() {
    return TestProperties.bind(SecurityProperties.class,
        Map.of("issuer-uri", TestTokens.ISSUER, "jwk-set-uri", TestTokens.jwksUri()));
  }

  @Test
  void mapsTheApisRealmRolesAndNoKeycloakHousekeepingRole() {
    // The token also holds default-roles-plantspy, offline_access and uma_authorization, as every Keycloak user does.
    AbstractAuthenticationToken auth = authenticate(TestTokens.valid("alice", "category", "disease", "admin"));
    assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_category", "ROLE_disease", "ROLE_admin");
    assertThat(auth.getName()).isEqualTo("alice");
  }

  @Test
  void aUserWithOnlyKeycloaksDefaultRolesHasNoAuthorities() {
    assertThat(authenticate(TestTokens.valid("bob")).getAuthorities()).isEmpty();
  }

  @Test
  void clientRolesNamedLikeRealmRolesAreNotAuthorities() {
    assertThat(authenticate(TestTokens.withClientRoles("carol", "category", "admin")).getAuthorities()).isEmpty();
  }

  private AbstractAuthenticationToken authenticate(String token) {
    return decoder.decode(token).map(converter::convert).block(Duration.ofSeconds(10));
  }
}
