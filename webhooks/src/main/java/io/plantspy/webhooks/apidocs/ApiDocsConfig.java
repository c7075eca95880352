package io.plantspy.webhooks.apidocs;

import io.plantspy.webhooks.endpoint.EventType;
import io.plantspy.webhooks.event.EventPayloads.AlertEvent;
import io.plantspy.webhooks.event.EventPayloads.DiagnosisEvent;
import io.plantspy.webhooks.event.EventPayloads.JobEndedEvent;
import io.plantspy.webhooks.event.EventPayloads.ModelPromotedEvent;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhooks service's OpenAPI document: every operation needs a realm token; the {@code webhooks} section says
 * what a subscriber's endpoint receives for each event type — the body and the three Standard Webhooks headers.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig {

  static final String SCHEME = "keycloak";

  @Bean
  OpenAPI webhooksOpenApi() {
    OpenAPI api = new OpenAPI()
        .info(new Info().title("PlantSpy webhooks").version("v1")
            .description("Subscriptions to PlantSpy events and their deliveries. Each delivery is signed as the"
                + " Standard Webhooks specification says (HMAC-SHA256 of id.timestamp.body with the endpoint's"
                + " whsec_ secret); any 2xx answer is success, 410 disables the endpoint. Errors are RFC 9457"
                + " problem JSON."))
        .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("An access token of the plantspy realm (./plantspy token grower)")))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    String diagnosis = addSchemas(api, DiagnosisEvent.class);
    String promoted = addSchemas(api, ModelPromotedEvent.class);
    String alert = addSchemas(api, AlertEvent.class);
    String job = addSchemas(api, JobEndedEvent.class);
    for (EventType type : EventType.values()) {
      String body = switch (type) {
        case DIAGNOSIS_COMPLETED, DIAGNOSIS_FAILED -> diagnosis;
        case MODEL_PROMOTED -> promoted;
        case ALERT_DISEASE_DETECTED -> alert;
        case JOB_COMPLETED, JOB_FAILED, JOB_CANCELLED, JOB_EXPIRED -> job;
      };
      api.addWebhooks(type.wireName(), new PathItem().post(delivery(type, body)));
    }
    return api;
  }

  /**
   * Every documented 4xx and 5xx answer is RFC 9457 problem JSON; controllers only declare the status and when.
   * A customizer, because springdoc builds the operations after the document's frame above.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      api.getComponents().addSchemas("Problem", new ObjectSchema().description("RFC 9457 problem details")
          .addProperty("type", new StringSchema().format("uri")
              .description("https://plantspy.io/problems/<slug>: branch on it rather than on the text"))
          .addProperty("title", new StringSchema())
          .addProperty("status", new IntegerSchema())
          .addProperty("detail", new StringSchema())
          .addProperty("instance", new StringSchema().format("uri-reference")));
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
          .filter(operation -> operation.getResponses() != null)
          .forEach(operation -> operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
              response.setContent(new Content().addMediaType("application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            }
          }));
    };
  }

  private static Operation delivery(EventType type, String body) {
    return new Operation()
        .summary(type.wireName() + (type.requiredRole().map(r -> " (subscriptions of role " + r + " only)")
            .orElse("")))
        .addParametersItem(header("webhook-id", "the event's id, the same on every retry: deduplicate on it"))
        .addParametersItem(header("webhook-timestamp", "unix seconds of this attempt; refuse beyond ±5 minutes"))
        .addParametersItem(header("webhook-signature",
            "space-separated v1,<base64 HMAC-SHA256>; two during a secret rotation"))
        .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + body)))))
        .responses(new ApiResponses()
            .addApiResponse("2XX", new ApiResponse().description("delivered"))
            .addApiResponse("410", new ApiResponse().description("gone: the endpoint is disabled"))
            .addApiResponse("default", new ApiResponse().description("failed: retried on the schedule")));
  }

  private static HeaderParameter header(String name, String description) {
    HeaderParameter header = new HeaderParameter();
    header.name(name).required(true).description(description).schema(new StringSchema());
    return header;
  }

  /** The record's schema and those it refers to, as components; returns the record's schema name. */
  private static String addSchemas(OpenAPI api, Class<?> type) {
    ResolvedSchema resolved = ModelConverters.getInstance(true).resolveAsResolvedSchema(new AnnotatedType(type));
    api.getComponents().addSchemas(resolved.schema.getName(), resolved.schema);
    resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
    return resolved.schema.getName();
  }
}
