package io.plantspy.ingest.apidocs;

import io.plantspy.ingest.security.SecurityProperties;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * How a caller gets a token: the Keycloak realm's authorization code flow, its endpoints derived from the
 * configured issuer, so Swagger UI's Authorize button signs in against the realm the API trusts.
 */
final class RealmSecurityScheme {

  static final String NAME = "keycloak";

  private RealmSecurityScheme() {}

  static SecurityScheme of(SecurityProperties security) {
    if (security.issuerUri() == null) {
      // Keys configured without an issuer: the realm's login endpoints are unknown, only the token type is.
      return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
          .description("A Keycloak access token whose audience is `" + security.audience() + "`.");
    }
    String realm = security.issuerUri().toString().replaceAll("/+$", "");
    String oidc = realm + "/protocol/openid-connect";
    return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
        .description("Sign in with the PlantSpy Keycloak realm (" + realm + "), authorization code with PKCE "
            + "through a public client. Tokens carry the audience `" + security.audience()
            + "` and the realm roles that decide which answers you see.")
        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
            .authorizationUrl(oidc + "/auth")
            .tokenUrl(oidc + "/token")
            .refreshUrl(oidc + "/token")
            .scopes(new Scopes().addString("openid", "OpenID Connect sign-in"))));
  }
}
