package io.plantspy.infra.launcher;

import java.util.Locale;

/**
 * A port a service binds, as the service declares it: its key ({@code keycloak-management}) and default. The
 * {@code up} option and the environment variable that override it are derived from the key, so a new service's
 * ports need no code in the command.
 */
public record NamedPort(String key, int defaultPort) {

  public NamedPort {
    if (!key.matches("[a-z]+(-[a-z]+)*")) {
      throw new IllegalArgumentException("a port key is lower-case words joined by '-', got " + key);
    }
  }

  /** {@code --keycloak-management-port}. */
  public String option() {
    return "--" + key + "-port";
  }

  /** {@code PLANTSPY_KEYCLOAK_MANAGEMENT_PORT}. */
  public String environmentVariable() {
    return "PLANTSPY_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
  }
}
