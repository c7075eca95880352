package io.plantspy.infra.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code passwords}: the demo users' and Keycloak admin's passwords from the state folder, which {@code up} prints
 * only at the first start. Generates none: before the first start there are none to show.
 */
@Command(name = "passwords", mixinStandardHelpOptions = true,
    description = "Prints the demo users' and the Keycloak admin's passwords.")
final class PasswordsCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    return print(new StateFolder(PlantspyLauncher.stateDir()), System.out);
  }

  /** 0 after printing them, 1 when the platform was never started here (no passwords yet). */
  static int print(StateFolder state, PrintStream out) throws java.io.IOException {
    if (!Files.exists(state.usersFile())) {
      out.println("No passwords yet: ./plantspy up generates them at its first start (" + state.usersFile() + ").");
      return 1;
    }
    Map<String, String> passwords = state.passwords();
    java.util.Optional<String> externalKeycloak = state.platform().map(p -> p.external().get("keycloak"));
    if (externalKeycloak.isPresent()) {
      out.printf("Keycloak admin: the one you gave for %s (not kept here)%n", externalKeycloak.get());
    } else {
      out.printf("Keycloak admin (master realm): user %s, password %s%n", KeycloakService.ADMIN_USER,
          passwords.get(StateFolder.KEYCLOAK_ADMIN));
    }
    out.println("Demo users (realm plantspy):");
    for (DemoUser user : DemoUser.ALL) {
      out.printf("  %-8s %-22s roles %s%n", user.username(), passwords.get(user.username()),
          String.join(",", user.roles()));
    }
    return 0;
  }
}
