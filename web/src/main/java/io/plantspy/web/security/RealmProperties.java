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
 * @param issuerUri the realm's issuer, e.g. {@code http://127.0.0.1:8081/realms/plantspy}: where browsers are sent
 * @param clientId the realm's client for this app (public, PKCE S256)
 * @param backchannelUri where this app itself reaches the realm, when that is not the issuer: in Compose or a cluster
 *     browsers use {@code http://localhost:8081/realms/plantspy} while the app must call
 *     {@code http://keycloak:8080/realms/plantspy} (Keycloak's {@code hostname-backchannel-dynamic}). Unset: the issuer
 */
@Validated
@ConfigurationProperties("plantspy.web.realm")
public record RealmProperties(
    @DefaultValue("http://127.0.0.1:8081/realms/plantspy") @NotNull URI issuerUri,
    @DefaultValue("plantspy-web") @NotBlank String clientId,
    URI backchannelUri) {

  /** The realm's OpenID Connect endpoint a browser is sent to ({@code auth}, {@code logout}). */
  String endpoint(String name) {
    return openIdConnect(issuerUri, name);
  }

  /** The realm's OpenID Connect endpoint this app calls itself ({@code token}, {@code certs}). */
  String backchannelEndpoint(String name) {
    return openIdConnect(backchannel(), name);
  }

  /** The realm's URL as this app reaches it. */
  public URI backchannel() {
    return backchannelUri != null ? backchannelUri : issuerUri;
  }

  private static String openIdConnect(URI realm, String name) {
    return realm.toString().replaceAll("/+$", "") + "/protocol/openid-connect/" + name;
  }

  /** Scheme, host and port of the realm: where the sign-in and sign-out pages live. */
  String origin() {
    return issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
  }
}
