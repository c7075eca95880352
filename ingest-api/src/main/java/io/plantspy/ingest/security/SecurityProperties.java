package io.plantspy.ingest.security;

import io.plantspy.ingest.config.Durations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Keycloak realm's keys come from and what a token must say to be accepted.
 *
 * @param issuerUri the realm URL; tokens must carry it as {@code iss}, and its discovery document is used for
 *     keys when {@code jwkSetUri} is not set
 * @param jwkSetUri the realm's certs endpoint; set it to skip discovery (and to let the API start while
 *     Keycloak is down: keys are fetched on first use)
 * @param audience the {@code aud} value a token must contain, so a token minted for another client is refused
 * @param keysTimeout longest a token check may wait for the realm's keys (JWKS or discovery); past it, or when
 *     they cannot be fetched, the caller gets 503 {@code auth-unavailable}, not 401
 * @param tokenCache how many validated tokens are remembered, and for how long, so a client reusing its token
 *     is not re-verified on every request (size 0 turns the cache off)
 */
@Validated
@ConfigurationProperties("plantspy.security")
public record SecurityProperties(
    URI issuerUri,
    URI jwkSetUri,
    @DefaultValue("plantspy-api") @NotBlank String audience,
    @DefaultValue("5s") Duration keysTimeout,
    @DefaultValue @Valid TokenCache tokenCache) {

  public SecurityProperties {
    Durations.requirePositive("plantspy.security.keys-timeout", keysTimeout);
    if (issuerUri == null && jwkSetUri == null) {
      throw new IllegalArgumentException(
          "Set plantspy.security.issuer-uri or plantspy.security.jwk-set-uri: without keys no token can be checked");
    }
  }

  /**
   * @param maxSize validated tokens remembered at most; 0 checks every token on every request
   * @param ttl how long one is remembered at most (never past its own expiry); a key revoked at Keycloak stays
   *     accepted for up to this long for tokens already seen
   */
  public record TokenCache(@DefaultValue("10000") @Min(0) int maxSize, @DefaultValue("1m") Duration ttl) {

    public TokenCache {
      Durations.requirePositive("plantspy.security.token-cache.ttl", ttl);
    }
  }
}
