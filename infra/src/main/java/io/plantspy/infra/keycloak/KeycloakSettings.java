package io.plantspy.infra.keycloak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run Keycloak: where its distribution is, its ports, the bootstrap admin, where it logs, and whether
 * its data outlives the process.
 *
 * @param persistent keep users and sessions in Keycloak's H2 file database under its home (the local
 *     platform), or in memory (tests)
 */
public record KeycloakSettings(Path home, int httpPort, int managementPort, String adminUser,
    String adminPassword, Path logFile, boolean persistent, Duration startTimeout) {

  public KeycloakSettings {
    if (httpPort <= 0 || managementPort <= 0 || httpPort == managementPort) {
      throw new IllegalArgumentException("Keycloak needs two distinct ports, got " + httpPort + " and " + managementPort);
    }
    if (adminPassword == null || adminPassword.length() < 8) {
      throw new IllegalArgumentException("the bootstrap admin password must have at least 8 characters");
    }
  }

  /** Where the build unpacks the distribution, unless {@code plantspy.keycloak.home} says otherwise. */
  public static Path defaultHome() {
    String configured = System.getProperty("plantspy.keycloak.home");
    return configured != null ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "plantspy", "keycloak-26.5.6");
  }

  List<String> databaseOptions() {
    return List.of(persistent ? "--db=dev-file" : "--db=dev-mem");
  }
}
