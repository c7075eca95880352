package io.plantspy.trainerservice.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trainer service's OpenAPI document ({@code /v3/api-docs}): every admin operation needs a realm token. */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig {

  static final String SCHEME = "keycloak";

  @Bean
  OpenAPI trainerOpenApi() {
    return new OpenAPI()
        .info(new Info().title("PlantSpy trainer service").version("v1")
            .description("Training runs and the model release registry. Starting a run and promoting need the realm"
                + " role admin; reading runs and releases admin or lab. Errors are RFC 9457 problem JSON."))
        .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("An access token of the plantspy realm (./plantspy token admin)")))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
  }
}
