package io.plantspy.web.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Keycloak realm the app signs people in at, and its client there.
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://127.0.0.1:8081/realms/plantspy}
 * @param clientId the realm's client for this app (public, PKCE S256)
 */
@Validated
@ConfigurationProperties("plantspy.web.realm")
public record RealmProperties(
    @DefaultValue("http://127.0.0.1:8081/realms/plantspy") @NotNull URI issuerUri,
    @DefaultValue("plantspy-web") @NotBlank String clientId) {

  /** The realm's OpenID Connect endpoint with this name ({@code auth}, {@code token}, {@code certs}, ...). */
  String endpoint(String name) {
    return issuerUri.toString().replaceAll("/+$", "") + "/protocol/openid-connect/" + name;
  }

  /** Scheme, host and port of the realm: where the sign-in and sign-out pages live. */
  String origin() {
    return issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
  }
}
