package io.plantspy.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * How to run Keycloak: where its distribution is, its ports, the bootstrap admin, where it logs, and whether
 * its data outlives the process.
 *
 * @param host the only address it listens on, HTTP and management alike (the loopback address unless told)
 * @param persistent keep users and sessions in Keycloak's H2 file database under its home (the local
 *     platform), or in memory (tests)
 */
public record KeycloakSettings(Path home, String host, int httpPort, int managementPort, String adminUser,
    String adminPassword, Path logFile, boolean persistent, Duration startTimeout) {

  public KeycloakSettings {
    if (httpPort <= 0 || managementPort <= 0 || httpPort == managementPort) {
      throw new IllegalArgumentException("Keycloak needs two distinct ports, got " + httpPort + " and " + managementPort);
    }
    if (adminPassword == null || adminPassword.length() < 8) {
      throw new IllegalArgumentException("the bootstrap admin password must have at least 8 characters");
    }
  }

  /** Where the build unpacked the distribution: written into {@code keycloak.properties} by the build. */
  public static Path defaultHome() {
    try (InputStream in = KeycloakSettings.class.getResourceAsStream("keycloak.properties")) {
      if (in == null) {
        throw new IllegalStateException("no keycloak.properties next to " + KeycloakSettings.class.getName()
            + ": build the infra module");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Path.of(properties.getProperty("home"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> databaseOptions() {
    return List.of(persistent ? "--db=dev-file" : "--db=dev-mem");
  }
}
