package io.plantspy.ingest.apidocs;

import io.plantspy.ingest.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.multipart.Part;

/**
 * The OpenAPI document's fixed parts (info, licence, security scheme) and the customizers that
 * complete every operation, so that a new endpoint only declares what is particular to it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

  static {
    // The image part is read as a plain Part (its bytes); to a client it is a file upload, not a Part object.
    SpringDocUtils.getConfig().replaceWithSchema(Part.class,
        new StringSchema().format("binary").description("The leaf photo: JPEG, PNG or WebP"));
  }

  @Bean
  OpenAPI plantspyOpenApi(SecurityProperties security, ObjectProvider<BuildProperties> build) {
    // build-info.properties is written by the Maven build; a run from an IDE without it still serves a document.
    String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
    return new OpenAPI()
        .info(new Info()
            .title("PlantSpy ingest API")
            .version(version)
            .description("""
                Diagnoses plant leaves from photos: submit an image (upload or URL), and get back the crop, \
                whether the leaf is healthy and, when sick, the disease, or `unknown` for a photo the model does \
                not know. Each answer is shown only to callers holding its realm role (`category`, `health`, \
                `disease`). Sign in with the Keycloak realm (OAuth2 authorization code with PKCE); every error \
                is RFC 9457 problem JSON.""")
            .contact(new Contact().name("PlantSpy").url("https://plantspy.io"))
            .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
        .components(new Components()
            .addSecuritySchemes(RealmSecurityScheme.NAME, RealmSecurityScheme.of(security)));
  }

  @Bean
  OpenApiCustomizer securedOperations() {
    return new SecuredOperations();
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return new ProblemResponses();
  }
}
