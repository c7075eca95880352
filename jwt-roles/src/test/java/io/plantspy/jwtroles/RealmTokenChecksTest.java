package io.plantspy.jwtroles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class RealmTokenChecksTest {

  /** Nothing listens on port 1: the realm's discovery document cannot be had. */
  private static final URI UNREACHABLE_ISSUER = URI.create("http://127.0.0.1:1/realms/plantspy");
  private static final String WELL_FORMED = new PlainJWT(new JWTClaimsSet.Builder().subject("ann").build()).serialize();

  private final OAuth2TokenValidator<Jwt> validator = RealmTokenChecks.validator(UNREACHABLE_ISSUER, "plantspy-api");

  @Test
  void servletDecoderReportsAnUnreachableRealmAsAServiceFailureNotABadToken() {
    JwtDecoder decoder = RealmTokenChecks.servlet(UNREACHABLE_ISSUER, null, validator, Duration.ofSeconds(1));

    assertThatThrownBy(() -> decoder.decode(WELL_FORMED))
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class)
        .hasMessageContaining("keys are unavailable");
  }

  @Test
  void servletDecoderRefusesAMalformedTokenWithoutAskingForKeys() {
    JwtDecoder decoder = RealmTokenChecks.servlet(UNREACHABLE_ISSUER, null, validator, Duration.ofSeconds(1));

    assertThatThrownBy(() -> decoder.decode("not.a.jwt")).isInstanceOf(BadJwtException.class);
  }

  @Test
  void reactiveDecoderReportsAnUnreachableRealmAsAServiceFailureNotABadToken() {
    ReactiveKeyOutages decoder = new ReactiveKeyOutages(
        RealmTokenChecks.reactive(UNREACHABLE_ISSUER, null, validator), Duration.ofSeconds(1));

    assertThatThrownBy(() -> decoder.decode(WELL_FORMED).block())
        .isInstanceOf(JwtException.class)
        .isNotInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("not.a.jwt").block()).isInstanceOf(BadJwtException.class);
  }

  @Test
  void validatorRefusesATokenWithoutSubjectOrForAnotherAudienceOrIssuer() {
    assertThat(validator.validate(token("ann", "plantspy-api", UNREACHABLE_ISSUER)).hasErrors()).isFalse();
    assertThat(validator.validate(token(null, "plantspy-api", UNREACHABLE_ISSUER)).hasErrors()).isTrue();
    assertThat(validator.validate(token("ann", "another-client", UNREACHABLE_ISSUER)).hasErrors()).isTrue();
    assertThat(validator.validate(token("ann", "plantspy-api", URI.create("http://elsewhere/realms/x")))
        .hasErrors()).isTrue();
  }

  @Test
  void eitherAnIssuerOrAJwksUrlIsRequired() {
    assertThatThrownBy(() -> RealmTokenChecks.servlet(null, null, validator, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Jwt token(String subject, String audience, URI issuer) {
    Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").audience(List.of(audience))
        .issuer(issuer.toString()).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    if (subject != null) {
      jwt.subject(subject);
    }
    return jwt.build();
  }
}
