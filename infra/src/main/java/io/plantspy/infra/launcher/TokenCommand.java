package io.plantspy.infra.launcher;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.keycloak.KeycloakServer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code token USER}: an access token for a demo user (password grant of plantspy-cli), for curl and Swagger. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Prints an access token for a demo user (admin, lab, grower, viewer).")
final class TokenCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "USER", description = "demo user")
  String user;

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    if (DemoUser.ALL.stream().noneMatch(u -> u.username().equals(user))) {
      System.err.println("unknown demo user " + user + "; the demo users are "
          + DemoUser.ALL.stream().map(DemoUser::username).toList());
      return 2;
    }
    if (!java.nio.file.Files.exists(state.usersFile())) {
      System.err.println("no demo users yet: run ./plantspy up first");
      return 1;
    }
    Map<String, String> passwords = state.passwords();
    DetachedPlatform platform = DetachedPlatform.load(state);
    String host = platform.properties().getProperty("host", PlatformSettings.DEFAULT_HOST);
    int port = platform.port("keycloak", PlatformSettings.Ports.defaults().keycloak());
    KeycloakAdmin keycloak = new KeycloakAdmin("http://" + host + ":" + port, Platform.KeycloakService.ADMIN_USER,
        passwords.get(StateFolder.KEYCLOAK_ADMIN));
    java.net.http.HttpResponse<String> response;
    try {
      response = keycloak.passwordGrant(KeycloakServer.REALM, "plantspy-cli", user, passwords.get(user));
    } catch (java.io.IOException e) {
      System.err.println("Keycloak does not answer at " + host + ":" + port + " (" + e
          + "); is the platform up? ./plantspy status");
      return 1;
    }
    if (response.statusCode() != 200) {
      System.err.println("Keycloak at " + host + ":" + port + " refused a token for " + user + ": "
          + response.statusCode() + " " + response.body());
      return 1;
    }
    System.out.println(JsonMapper.builder().build().readTree(response.body()).get("access_token").asString());
    return 0;
  }
}
