package io.plantspy.feeds.gateway.security;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the realm's keys come from and what a token must say to be accepted (the same realm and audience as the
 * ingest API: one token serves both).
 *
 * @param issuerUri the realm URL; tokens must carry it as {@code iss}; its discovery document gives the keys
 *     unless {@code jwkSetUri} is set
 * @param jwkSetUri the realm's certs endpoint, to skip discovery
 * @param audience the {@code aud} value a token must contain
 */
@Validated
@ConfigurationProperties("plantspy.security")
public record SecurityProperties(URI issuerUri, URI jwkSetUri, @DefaultValue("plantspy-api") @NotBlank String audience) {

  public SecurityProperties {
    if (issuerUri == null && jwkSetUri == null) {
      throw new IllegalArgumentException(
          "Set plantspy.security.issuer-uri or plantspy.security.jwk-set-uri: without keys no token can be checked");
    }
  }
}
