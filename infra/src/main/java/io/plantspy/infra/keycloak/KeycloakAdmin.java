package io.plantspy.infra.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few Keycloak admin REST calls the launcher and tests need: import the {@code plantspy} realm, create a user
 * of it with realm roles, and get tokens with the password grant of the public {@code plantspy-cli} client.
 */
public final class KeycloakAdmin {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String adminUser;
  private final String adminPassword;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Admin calls against a Keycloak at {@code baseUrl}, as the given master-realm admin. */
  public KeycloakAdmin(String baseUrl, String adminUser, String adminPassword) {
    this.baseUrl = baseUrl;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /**
   * Creates an enabled user with the given realm roles. Keycloak refuses the password grant to users without
   * email, first and last name (a required profile), so those are filled in.
   */
  public void createUser(String username, String password, List<String> realmRoles) throws IOException {
    String admin = accessToken("master", "admin-cli", adminUser, adminPassword);
    ObjectNode user = JSON.createObjectNode()
        .put("username", username).put("enabled", true).put("emailVerified", true)
        .put("email", username + "@plantspy.local").put("firstName", "Demo").put("lastName", capitalise(username));
    user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
    HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/users"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build());
    if (created.statusCode() != 201) {
      throw new IOException("creating user " + username + " failed: " + created.statusCode() + " " + created.body());
    }
    String userId = created.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
        .orElseThrow(() -> new IOException("Keycloak did not say where user " + username + " is"));
    ArrayNode roles = JSON.createArrayNode();
    for (String role : realmRoles) {
      HttpResponse<String> found = send(HttpRequest.newBuilder(adminUri("/roles/" + encode(role)))
          .header("Authorization", "Bearer " + admin).GET().build());
      if (found.statusCode() != 200) {
        throw new IOException("realm role " + role + " not found: " + found.statusCode());
      }
      roles.add(JSON.readTree(found.body()));
    }
    HttpResponse<String> mapped = send(HttpRequest.newBuilder(adminUri("/users/" + userId + "/role-mappings/realm"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(roles.toString())).build());
    if (mapped.statusCode() != 204) {
      throw new IOException("granting roles to " + username + " failed: " + mapped.statusCode() + " " + mapped.body());
    }
  }

  /** Whether this Keycloak has the {@code plantspy} realm. */
  public boolean realmExists() throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + KeycloakServer.REALM)).GET().build())
        .statusCode() == 200;
  }

  /**
   * Creates the {@code plantspy} realm from the committed realm file, as {@code --import-realm} does at a start:
   * for a Keycloak that runs elsewhere and did not import it. Keycloak generates the realm's keys and the
   * confidential clients' secrets, as on an import.
   */
  public void importRealm() throws IOException {
    String admin = accessToken("master", "admin-cli", adminUser, adminPassword);
    HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.realmFile())).build());
    if (created.statusCode() != 201) {
      throw new IOException("importing realm " + KeycloakServer.REALM + " failed: " + created.statusCode() + " "
          + created.body());
    }
  }

  /** Whether the realm has a user of this exact name. */
  public boolean userExists(String username) throws IOException {
    return userId(accessToken("master", "admin-cli", adminUser, adminPassword), username).isPresent();
  }

  /** Gives an existing user of the realm a new, permanent password. */
  public void resetPassword(String username, String password) throws IOException {
    String admin = accessToken("master", "admin-cli", adminUser, adminPassword);
    String userId = userId(admin, username).orElseThrow(() -> new IOException("no user " + username));
    ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", password)
        .put("temporary", false);
    HttpResponse<String> reset = send(HttpRequest.newBuilder(adminUri("/users/" + userId + "/reset-password"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(credential.toString())).build());
    if (reset.statusCode() != 204) {
      throw new IOException("resetting the password of " + username + " failed: " + reset.statusCode() + " "
          + reset.body());
    }
  }

  private java.util.Optional<String> userId(String admin, String username) throws IOException {
    HttpResponse<String> found = send(HttpRequest.newBuilder(
            adminUri("/users?exact=true&username=" + encode(username)))
        .header("Authorization", "Bearer " + admin).GET().build());
    if (found.statusCode() != 200) {
      throw new IOException("looking up user " + username + " failed: " + found.statusCode() + " " + found.body());
    }
    JsonNode users = JSON.readTree(found.body());
    return users.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(users.get(0).get("id").asString());
  }

  /**
   * The secret Keycloak generated for a confidential client of the realm when it imported it: the committed realm
   * file holds none, so no secret is in the repository.
   */
  public String clientSecret(String clientId) throws IOException {
    String admin = accessToken("master", "admin-cli", adminUser, adminPassword);
    HttpResponse<String> found = send(HttpRequest.newBuilder(adminUri("/clients?clientId=" + encode(clientId)))
        .header("Authorization", "Bearer " + admin).GET().build());
    JsonNode clients = JSON.readTree(found.body());
    if (found.statusCode() != 200 || clients.size() != 1) {
      throw new IOException("client " + clientId + " not found: " + found.statusCode() + " " + found.body());
    }
    HttpResponse<String> secret = send(HttpRequest.newBuilder(
            adminUri("/clients/" + clients.get(0).get("id").asString() + "/client-secret"))
        .header("Authorization", "Bearer " + admin).GET().build());
    JsonNode body = JSON.readTree(secret.body());
    if (secret.statusCode() != 200 || !body.hasNonNull("value")) {
      throw new IOException("no secret for client " + clientId + ": " + secret.statusCode());
    }
    return body.get("value").asString();
  }

  /** An access token for a realm user through the command-line client's password grant. */
  public String userToken(String username, String password) throws IOException {
    return accessToken(KeycloakServer.REALM, "plantspy-cli", username, password);
  }

  /** The raw token endpoint answer, for callers that check refusals. */
  public HttpResponse<String> passwordGrant(String realm, String clientId, String username, String password)
      throws IOException {
    String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password)
        .entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private String accessToken(String realm, String clientId, String username, String password) throws IOException {
    HttpResponse<String> response = passwordGrant(realm, clientId, username, password);
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
      throw new IOException("no token for " + username + " from " + realm + ": " + response.statusCode() + " "
          + response.body());
    }
    return body.get("access_token").asString();
  }

  private URI adminUri(String path) {
    return URI.create(baseUrl + "/admin/realms/" + KeycloakServer.REALM + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted talking to Keycloak", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String capitalise(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
