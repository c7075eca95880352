package io.plantspy.jwtroles;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A WebFlux service's {@code plantspy.security}: where the realm's keys come from and what a token must say to be
 * accepted (the same realm and audience as the ingest API: one token serves all the services). A service enables it
 * with {@code @EnableConfigurationProperties} and hands it to {@link ReactiveBearerSecurity}.
 *
 * @param issuerUri the realm URL; tokens must carry it as {@code iss}; its discovery document gives the keys
 *     unless {@code jwkSetUri} is set
 * @param jwkSetUri the realm's certs endpoint, to skip discovery
 * @param audience the {@code aud} value a token must contain
 * @param keysTimeout how long a request waits for the realm's keys before it is answered 503
 * @param unavailableRetryAfter the {@code Retry-After} of that 503
 */
@Validated
@ConfigurationProperties("plantspy.security")
public record RealmSecurityProperties(
    URI issuerUri,
    URI jwkSetUri,
    @DefaultValue("plantspy-api") @NotBlank String audience,
    @DefaultValue("5s") Duration keysTimeout,
    @DefaultValue("5s") Duration unavailableRetryAfter) {

  public RealmSecurityProperties {
    if (keysTimeout.isNegative() || keysTimeout.isZero() || unavailableRetryAfter.isNegative()
        || unavailableRetryAfter.isZero()) {
      throw new IllegalArgumentException(
          "plantspy.security.keys-timeout and plantspy.security.unavailable-retry-after must be positive");
    }
    if (issuerUri == null && jwkSetUri == null) {
      throw new IllegalArgumentException(
          "Set plantspy.security.issuer-uri or plantspy.security.jwk-set-uri: without keys no token can be checked");
    }
  }
}
