package io.plantspy.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plantspy.infra.launcher.ThisMachine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed realm on the real Keycloak server: the tokens the API will be given, and what is refused. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakRealmIT {

  private static final String SWAGGER_CLIENT = "plantspy-swagger";
  private static final String SWAGGER_REDIRECT_IP = "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html";
  private static final String SWAGGER_REDIRECT_LOCALHOST = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

  private static KeycloakServer keycloak;
  private static int httpPort;
  private static int managementPort;
  private static String adminPassword;

  @BeforeAll
  static void startKeycloak(@TempDir Path logs) throws Exception {
    httpPort = freePort();
    managementPort = freePort();
    keycloak = KeycloakServer.start(new KeycloakSettings(KeycloakSettings.defaultHome(), "127.0.0.1", httpPort,
        managementPort, "admin", adminPassword = "bootstrap-" + System.nanoTime(), logs.resolve("keycloak.log"), false, Duration.ofSeconds(180)));
    keycloak.admin().createUser("grower", "grower-password-1", List.of("category", "health", "disease"));
    keycloak.admin().createUser("viewer", "viewer-password-1", List.of("category"));
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void listensOnTheLoopbackAddressOnly() throws Exception {
    Optional<InetAddress> external = ThisMachine.nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback address");

    assertThat(ThisMachine.accepts(InetAddress.getLoopbackAddress(), httpPort)).isTrue();
    assertThat(ThisMachine.accepts(InetAddress.getLoopbackAddress(), managementPort)).isTrue();
    assertThat(ThisMachine.accepts(external.get(), httpPort)).as("HTTP on %s", external.get()).isFalse();
    assertThat(ThisMachine.accepts(external.get(), managementPort)).as("management on %s", external.get()).isFalse();
  }

  @Test
  void cliTokensAreForThePlantspyApiAndCarryRealmRoles() throws IOException {
    JsonNode claims = claims(keycloak.admin().userToken("grower", "grower-password-1"));
    assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer());
    assertThat(claims.path("aud").toString()).contains("\"plantspy-api\"");
    assertThat(claims.path("realm_access").path("roles").toString())
        .contains("\"category\"", "\"health\"", "\"disease\"").doesNotContain("\"admin\"", "\"lab\"");
    assertThat(claims.path("azp").asString()).isEqualTo("plantspy-cli");
  }

  @Test
  void eachUserGetsOnlyTheirRoles() throws IOException {
    JsonNode claims = claims(keycloak.admin().userToken("viewer", "viewer-password-1"));
    assertThat(claims.path("realm_access").path("roles").toString())
        .contains("\"category\"").doesNotContain("\"health\"", "\"disease\"");
  }

  @Test
  void wrongPasswordIsRefused() throws IOException {
    HttpResponse<String> response =
        keycloak.admin().passwordGrant(KeycloakServer.REALM, "plantspy-cli", "grower", "not-the-password");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_grant");
  }

  @Test
  void webClientHasNoPasswordGrant() throws IOException {
    HttpResponse<String> response =
        keycloak.admin().passwordGrant(KeycloakServer.REALM, "plantspy-web", "grower", "grower-password-1");
    assertThat(response.statusCode()).isIn(400, 401);
    assertThat(response.body()).contains("unauthorized_client");
  }

  @Test
  void webClientRequiresPkce() throws Exception {
    String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=plantspy-web"
        + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A8082%2Flogin%2Foauth2%2Fcode%2Fkeycloak";
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
    // Keycloak redirects the error back to the client, or shows it, naming the missing PKCE parameter.
    String answer = response.headers().firstValue("Location").orElse("") + response.body();
    assertThat(answer).contains("code_challenge");
  }

  @Test
  void swaggerClientSignsInWithPkceAndGetsTokensForTheApi() throws Exception {
    PkceLogin login = new PkceLogin(keycloak.issuer(), SWAGGER_CLIENT, SWAGGER_REDIRECT_IP);
    HttpResponse<String> tokens = login.exchange(login.code("grower", "grower-password-1"), login.verifier);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode claims = claims(JsonMapper.builder().build().readTree(tokens.body()).path("access_token").asString());
    assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer());
    assertThat(claims.path("aud").toString()).contains("\"plantspy-api\"");
    assertThat(claims.path("azp").asString()).isEqualTo(SWAGGER_CLIENT);
    assertThat(claims.path("realm_access").path("roles").toString())
        .contains("\"category\"", "\"health\"", "\"disease\"").doesNotContain("\"admin\"", "\"lab\"");
  }

  @Test
  void swaggerClientRefusesACodeExchangedWithTheWrongVerifier() throws Exception {
    PkceLogin login = new PkceLogin(keycloak.issuer(), SWAGGER_CLIENT, SWAGGER_REDIRECT_LOCALHOST);
    HttpResponse<String> refused = login.exchange(login.code("viewer", "viewer-password-1"), PkceLogin.randomVerifier());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("invalid_grant");
  }

  @Test
  void swaggerClientRequiresPkce() throws Exception {
    String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + SWAGGER_CLIENT
        + "&response_type=code&scope=openid&redirect_uri="
        + URLEncoder.encode(SWAGGER_REDIRECT_IP, StandardCharsets.UTF_8);
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
    String answer = response.headers().firstValue("Location").orElse("") + response.body();
    assertThat(answer).contains("code_challenge");
  }

  @Test
  void swaggerClientRedirectsOnlyToTheApisSwaggerUi() throws Exception {
    String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=" + SWAGGER_CLIENT
        + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=" + PkceLogin.randomVerifier()
        + "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:9999/steal", StandardCharsets.UTF_8);
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("redirect_uri");
  }

  @Test
  void swaggerClientHasNoPasswordGrant() throws IOException {
    HttpResponse<String> response =
        keycloak.admin().passwordGrant(KeycloakServer.REALM, SWAGGER_CLIENT, "grower", "grower-password-1");
    assertThat(response.statusCode()).isIn(400, 401);
    assertThat(response.body()).contains("unauthorized_client");
  }

  /** Last: it deletes the realm the other tests use. */
  @Test
  @Order(Integer.MAX_VALUE)
  void importsTheCommittedRealmIntoAKeycloakThatLacksItAndResetsAUsersPassword() throws Exception {
    KeycloakAdmin admin = keycloak.admin();
    String master = JsonMapper.builder().build().readTree(admin.passwordGrant("master", "admin-cli", "admin", adminPassword).body())
        .get("access_token").asString();
    HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM))
        .header("Authorization", "Bearer " + master).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(admin.realmExists()).isFalse();

    admin.importRealm();

    assertThat(admin.realmExists()).isTrue();
    assertThat(admin.clientSecret("plantspy-web-admin")).as("generated on import, as --import-realm does").isNotBlank();
    admin.createUser("labworker", "lab-password-1", List.of("lab"));
    assertThat(claims(admin.userToken("labworker", "lab-password-1")).path("realm_access").path("roles").toString())
        .contains("\"lab\"");

    assertThat(admin.userExists("labworker")).isTrue();
    admin.resetPassword("labworker", "lab-password-2");
    assertThat(admin.passwordGrant(KeycloakServer.REALM, "plantspy-cli", "labworker", "lab-password-1").statusCode())
        .isEqualTo(401);
    assertThat(admin.userToken("labworker", "lab-password-2")).isNotBlank();
  }

  private static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonMapper.builder().build().readTree(
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
