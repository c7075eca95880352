package io.plantspy.ingest.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Marks every operation under {@code /api/} as needing a realm token, and documents the 401 the security chain
 * answers without one, as SecurityConfig requires a token for {@code /api/**}; public paths stay unmarked.
 */
final class SecuredOperations implements OpenApiCustomizer {

  static final String SECURED_PREFIX = "/api/";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().forEach((path, item) -> {
      if (path.startsWith(SECURED_PREFIX)) {
        item.readOperations().forEach(SecuredOperations::secure);
      }
    });
  }

  private static void secure(Operation operation) {
    SecurityRequirement realmToken = new SecurityRequirement().addList(RealmSecurityScheme.NAME);
    // Idempotent: springdoc may run customizers again on a document it built before.
    if (operation.getSecurity() == null || !operation.getSecurity().contains(realmToken)) {
      operation.addSecurityItem(realmToken);
    }
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    operation.getResponses().computeIfAbsent("401", status -> ProblemResponses.response(
            "No bearer token, or the token was refused (expired, bad signature, wrong issuer or audience)")
        .headers(Map.of("WWW-Authenticate", new Header()
            .description("`Bearer`, or `Bearer error=\"invalid_token\"` when a token was sent and refused")
            .schema(new StringSchema()))));
  }
}
