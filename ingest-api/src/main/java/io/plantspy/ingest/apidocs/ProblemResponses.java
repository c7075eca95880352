package io.plantspy.ingest.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives every documented 4xx and 5xx answer its body, RFC 9457 problem JSON, so controllers only declare the
 * status and when it happens. The schema lists the members {@code ApiProblem}, {@code ProblemWriter} and Spring's
 * own problem details write; its only extension members name the image part of a lab upload a problem is about.
 */
final class ProblemResponses implements OpenApiCustomizer {

  static final String SCHEMA = "Problem";
  static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    // Added here, not with the document's other parts: springdoc drops schemas no operation refers to before the
    // customizers run, and the references are only made below.
    openApi.getComponents().addSchemas(SCHEMA, schema());
    for (PathItem path : openApi.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        if (operation.getResponses() == null) {
          continue;
        }
        operation.getResponses().forEach((status, response) -> {
          if (isError(status)) {
            response.setContent(content());
          }
        });
      }
    }
  }

  /** A problem response, for code that adds a response of its own. */
  static ApiResponse response(String description) {
    return new ApiResponse().description(description).content(content());
  }

  private static Schema<?> schema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri").description(
            "Names the problem: `https://plantspy.io/problems/<slug>` (for example `image-too-large`) for the API's "
                + "own refusals, `about:blank` for plain HTTP errors; branch on it rather than on the text"))
        .addProperty("title", new StringSchema().description("Short human-readable summary of the problem type"))
        .addProperty("status", new IntegerSchema().description("The HTTP status code"))
        .addProperty("detail", new StringSchema().description("What went wrong with this request"))
        .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
        .addProperty("part", new IntegerSchema().description(
            "For a lab upload: the position (from 1) of the `image` part the problem is about"))
        .addProperty("filename", new StringSchema().description("For a lab upload: that part's file name"))
        .required(List.of("type", "title", "status"));
  }

  private static boolean isError(String status) {
    return status.startsWith("4") || status.startsWith("5");
  }

  private static Content content() {
    return new Content().addMediaType(MEDIA_TYPE,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
  }
}
