package io.plantspy.jwtroles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Realm roles to authorities, from claims shaped as Keycloak writes them (nested maps and lists). */
class RealmRoleConverterTest {

  private static final List<String> HOUSEKEEPING =
      List.of("default-roles-plantspy", "offline_access", "uma_authorization");

  private final RealmRoleConverter converter =
      RealmRoleConverter.namedBySubject(Set.of(RealmRoles.CATEGORY, RealmRoles.DISEASE, RealmRoles.ADMIN));

  @Test
  void mapsOnlyTheKnownRealmRolesAndNoKeycloakHousekeepingRole() {
    Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", roles("category", "disease", "admin", "lab", "disease"))));
    assertThat(converter.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_category", "ROLE_disease", "ROLE_admin");
  }

  @Test
  void clientRolesNamedLikeRealmRolesAreNotAuthorities() {
    Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", HOUSEKEEPING),
        "resource_access", Map.of("plantspy-api", Map.of("roles", List.of("category", "admin")))));
    assertThat(converter.convert(jwt).getAuthorities()).isEmpty();
  }

  @Test
  void tokenWithoutUsableRealmAccessHasNoAuthorities() {
    assertThat(converter.authorities(jwt(Map.of("scope", "openid")))).isEmpty();
    assertThat(converter.authorities(jwt(Map.of("realm_access", "garbage")))).isEmpty();
    assertThat(converter.authorities(jwt(Map.of("realm_access", Map.of("roles", "admin"))))).isEmpty();
  }

  @Test
  void namedBySubjectIgnoresTheUsername() {
    assertThat(converter.convert(jwt(Map.of("preferred_username", "Alice A."))).getName()).isEqualTo("alice");
  }

  @Test
  void namedByUsernamePrefersKeycloaksUserNameAndFallsBackToTheSubject() {
    RealmRoleConverter byUsername = RealmRoleConverter.namedByUsername(Set.of(RealmRoles.ADMIN));
    assertThat(byUsername.convert(jwt(Map.of("preferred_username", "alice.a"))).getName()).isEqualTo("alice.a");
    assertThat(byUsername.convert(jwt(Map.of("preferred_username", " "))).getName()).isEqualTo("alice");
    assertThat(byUsername.convert(jwt(Map.of())).getName()).isEqualTo("alice");
  }

  private static List<String> roles(String... roles) {
    return java.util.stream.Stream.concat(List.of(roles).stream(), HOUSEKEEPING.stream()).toList();
  }

  static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").audience(List.of("plantspy-api"))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(b::claim);
    return b.build();
  }
}
