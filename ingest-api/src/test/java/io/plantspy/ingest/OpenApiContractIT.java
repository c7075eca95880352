package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as an integrator gets it from the running API: it passes Redocly's recommended rules
 * (ingest-api/redocly.yaml) with no error or warning, and Swagger UI can sign in at the realm with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
    topics = {"plantspy.diagnosis.requests", "plantspy.diagnosis.results", "plantspy.schemas"})
class OpenApiContractIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REALM_OIDC = TestTokens.ISSUER + "/protocol/openid-connect";

  @Autowired ApplicationContext context;
  private WebTestClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", TestMongo::uri);
    registry.add("plantspy.security.jwk-set-uri", TestTokens::jwksUri);
  }

  @BeforeEach
  void setUp() {
    // springdoc builds the document on the first request, which takes longer than WebTestClient's default 5 s
    // when the two cores are busy.
    client = ApiTestSupport.client(context).mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  @Test
  void documentPassesRedoclyRecommendedRulesWithoutErrorsOrWarnings() throws Exception {
    Path dir = Path.of(System.getProperty("openapi.output.dir", "target/openapi"));
    Files.createDirectories(dir);
    Path document = Files.writeString(dir.resolve("openapi.json"), documentText());
    Path report = dir.resolve("redocly-lint.json");
    Path log = dir.resolve("redocly-lint.log");

    ProcessBuilder lint = new ProcessBuilder(property("redocly.bin"), "lint", document.toString(),
        "--config", property("redocly.config"), "--format=json")
        .redirectOutput(report.toFile()).redirectError(log.toFile());
    // No telemetry or update check: the build reaches the npm registry only to install the CLI.
    lint.environment().putAll(Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"));
    Process process = lint.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();

    String output = Files.readString(report);
    assertThat(output).as("redocly lint wrote no report; its log says:%n%s", Files.readString(log)).isNotBlank();
    JsonNode result = JSON.readTree(output);
    String problems = describe(result.path("problems"));
    assertThat(result.path("totals").path("errors").asInt()).as("lint errors:%n%s", problems).isZero();
    assertThat(result.path("totals").path("warnings").asInt()).as("lint warnings:%n%s", problems).isZero();
    assertThat(process.exitValue()).as("redocly exit code; %s", problems).isZero();
  }

  @Test
  void documentOffersTheRealmsAuthorizationCodeFlow() {
    JsonNode scheme = document().path("components").path("securitySchemes").path("keycloak");
    assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
    JsonNode flow = scheme.path("flows").path("authorizationCode");
    assertThat(flow.path("authorizationUrl").asString()).isEqualTo(REALM_OIDC + "/auth");
    assertThat(flow.path("tokenUrl").asString()).isEqualTo(REALM_OIDC + "/token");
  }

  @Test
  void everyApiOperationNeedsTheRealmTokenAndAnswersErrorsAsProblemJson() {
    JsonNode paths = document().path("paths");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey() + " " + path.getKey();
        JsonNode op = operation.getValue();
        if (path.getKey().startsWith("/api/")) {
          assertThat(op.path("security").toString()).as(name).contains("\"keycloak\"");
          assertThat(op.path("responses").has("401")).as(name + " documents 401").isTrue();
        }
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
          if (response.getKey().charAt(0) == '4' || response.getKey().charAt(0) == '5') {
            assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                .path("$ref").asString()).as(name + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
          }
        }
        checked.add(name);
      }
    }
    assertThat(checked).contains("post /api/v1/diagnoses", "get /api/v1/diagnoses/{id}",
        "post /api/v1/predict/category", "post /api/v1/predict/health", "post /api/v1/predict/disease",
        "post /api/v1/lab/samples", "get /api/v1/lab/samples", "get /api/v1/lab/samples/{id}",
        "delete /api/v1/lab/samples/{id}", "get /api/v1/lab/classes");
  }

  @Test
  void swaggerUiSignsInWithThePublicClientAndPkce() {
    String initializer = client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(initializer.replaceAll("\\s", "")).contains("ui.initOAuth(")
        .contains("\"clientId\":\"plantspy-swagger\"").contains("\"usePkceWithAuthorizationCodeGrant\":true");
  }

  private JsonNode document() {
    return JSON.readTree(documentText());
  }

  private String documentText() {
    // Absolute, as a caller reaches it: springdoc names the server after the host it was asked on.
    return client.get().uri("http://api.plantspy.test/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  /** The linter's findings, one a line, as it would print them. */
  private static String describe(JsonNode problems) {
    StringBuilder out = new StringBuilder();
    for (JsonNode p : problems) {
      out.append(p.path("severity").asString()).append(' ').append(p.path("ruleId").asString()).append(": ")
          .append(p.path("message").asString()).append(" at ")
          .append(p.path("location").path(0).path("pointer").asString()).append('\n');
    }
    return out.toString();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set by the ingest-api pom's failsafe configuration)", name)
        .isNotBlank();
    return value;
  }
}
