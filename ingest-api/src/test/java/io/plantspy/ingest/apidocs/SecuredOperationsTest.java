package io.plantspy.ingest.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

class SecuredOperationsTest {

  @Test
  void requiresTheRealmTokenOnApiOperationsOnlyOnceAndLeavesPublicPathsOpen() {
    Operation diagnose = new Operation().responses(new ApiResponses());
    Operation health = new Operation().responses(new ApiResponses());
    OpenAPI document = new OpenAPI().paths(new Paths()
        .addPathItem("/api/v1/diagnoses", new PathItem().post(diagnose))
        .addPathItem("/actuator/health", new PathItem().get(health)));

    SecuredOperations secured = new SecuredOperations();
    secured.customise(document);
    secured.customise(document);

    assertThat(diagnose.getSecurity()).containsExactly(new SecurityRequirement().addList(RealmSecurityScheme.NAME));
    assertThat(diagnose.getResponses()).containsKey("401");
    assertThat(health.getSecurity()).isNull();
    assertThat(health.getResponses()).doesNotContainKey("401");
  }

  @Test
  void keepsAnOperationsOwn401() {
    Operation diagnose = new Operation().responses(new ApiResponses()
        .addApiResponse("401", ProblemResponses.response("own")));
    new SecuredOperations().customise(new OpenAPI().paths(new Paths()
        .addPathItem("/api/v1/diagnoses", new PathItem().post(diagnose))));
    assertThat(diagnose.getResponses().get("401").getDescription()).isEqualTo("own");
  }
}
