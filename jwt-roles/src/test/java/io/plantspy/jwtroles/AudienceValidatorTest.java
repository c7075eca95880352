package io.plantspy.jwtroles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AudienceValidatorTest {

  private final AudienceValidator validator = new AudienceValidator("plantspy-api");

  @Test
  void acceptsATokenWhoseAudienceNamesTheService() {
    assertThat(validator.validate(RealmRoleConverterTest.jwt(Map.of())).hasErrors()).isFalse();
  }

  @Test
  void refusesTokensForOtherClients() {
    Jwt other = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").audience(List.of("account")).build();
    assertThat(validator.validate(other).hasErrors()).isTrue();
  }

  @Test
  void refusesTokensWithoutAudience() {
    Jwt none = Jwt.withTokenValue("t").header("alg", "RS256").subject("a").build();
    assertThat(validator.validate(none).hasErrors()).isTrue();
  }

  @Test
  void needsAnAudienceToCheck() {
    assertThatNullPointerException().isThrownBy(() -> new AudienceValidator(null));
  }
}
