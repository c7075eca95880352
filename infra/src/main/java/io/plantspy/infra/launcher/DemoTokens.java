package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.keycloak.KeycloakServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens for the demo users of a running local platform, from the passwords in its state folder. */
final class DemoTokens {

  /** A refusal worth showing to the person at the terminal as it is. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message);
    }
  }

  private DemoTokens() {}

  static String fetch(StateFolder state, String user) throws Unavailable, IOException {
    if (DemoUser.ALL.stream().noneMatch(u -> u.username().equals(user))) {
      throw new Unavailable("unknown demo user " + user + "; the demo users are "
          + DemoUser.ALL.stream().map(DemoUser::username).toList());
    }
    if (!Files.exists(state.usersFile())) {
      throw new Unavailable("no demo users yet: run ./plantspy up first");
    }
    Map<String, String> passwords = state.passwords();
    Optional<PlatformState> platform = state.platform();
    String url = platform.map(PlatformState::keycloakUrl)
        .orElse("http://" + PlatformSettings.DEFAULT_HOST + ":" + KeycloakService.HTTP.defaultPort());
    // The token endpoint needs no admin: the password grant of the public command-line client.
    KeycloakAdmin keycloak = new KeycloakAdmin(url, KeycloakService.ADMIN_USER, "");
    HttpResponse<String> response;
    try {
      response = keycloak.passwordGrant(KeycloakServer.REALM, "plantspy-cli", user, passwords.get(user));
    } catch (IOException e) {
      throw new Unavailable("Keycloak does not answer at " + url + " (" + e
          + "); is the platform up? ./plantspy status");
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("Keycloak at " + url + " refused a token for " + user + ": "
          + response.statusCode() + " " + response.body());
    }
    return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
  }
}
