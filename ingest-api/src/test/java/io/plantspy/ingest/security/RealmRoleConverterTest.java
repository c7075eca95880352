package io.plantspy.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRoleConverterTest {

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice").audience(List.of("plantspy-api"))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(b::claim);
    return b.build();
  }

  @Test
  void mapsKnownRealmRolesToRoleAuthorities() {
    Jwt token = jwt(Map.of("realm_access", Map.of("roles",
        List.of("category", "disease", "admin", "offline_access", "default-roles-plantspy"))));
    assertThat(RealmRoleConverter.authorities(token)).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_category", "ROLE_disease", "ROLE_admin");
    assertThat(new RealmRoleConverter().convert(token).block().getName()).isEqualTo("alice");
  }

  @Test
  void tokenWithoutRealmAccessHasNoAuthorities() {
    assertThat(RealmRoleConverter.authorities(jwt(Map.of("scope", "openid")))).isEmpty();
    assertThat(RealmRoleConverter.authorities(jwt(Map.of("realm_access", "garbage")))).isEmpty();
  }

  @Test
  void audienceValidatorRefusesTokensForOtherClients() {
    AudienceValidator validator = new AudienceValidator("plantspy-api");
    assertThat(validator.validate(jwt(Map.of())).hasErrors()).isFalse();
    Jwt other = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").audience(List.of("account")).build();
    assertThat(validator.validate(other).hasErrors()).isTrue();
  }
}
