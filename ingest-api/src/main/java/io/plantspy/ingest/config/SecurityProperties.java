package io.plantspy.ingest.config;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Keycloak realm's keys come from and what a token must say to be accepted.
 *
 * @param issuerUri the realm URL; tokens must carry it as {@code iss}, and its discovery document is used for
 *     keys when {@code jwkSetUri} is not set
 * @param jwkSetUri the realm's certs endpoint; set it to skip discovery (and to let the API start while
 *     Keycloak is down: keys are fetched on first use)
 * @param audience the {@code aud} value a token must contain, so a token minted for another client is refused
 */
@Validated
@ConfigurationProperties("plantspy.security")
public record SecurityProperties(URI issuerUri, URI jwkSetUri, @NotBlank String audience) {

  public SecurityProperties {
    if (audience == null) {
      audience = "plantspy-api";
    }
    if (issuerUri == null && jwkSetUri == null) {
      throw new IllegalArgumentException(
          "Set plantspy.security.issuer-uri or plantspy.security.jwk-set-uri: without keys no token can be checked");
    }
  }
}
