package io.plantspy.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local platform lives, which ports it takes and which service jars it runs. Port defaults are declared
 * by the services ({@link PlatformService#ports()}); {@code up} overrides them from its options.
 *
 * @param repoRoot the checkout: {@code models/} is served from it
 * @param stateDir {@code .plantspy/} under the checkout, or a temporary folder in tests
 * @param host every service binds to this address only (never a public interface)
 * @param jars the executable jar of each service that runs one, by service name (the script passes them)
 * @param stopTimeout how long a service may take to stop before it is killed
 * @param external the parts that run elsewhere, which the services use instead of starting their own
 */
public record PlatformSettings(Path repoRoot, Path stateDir, String host, Ports ports, Map<String, Path> jars,
    Duration stopTimeout, ExternalParts external) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Also {@code down}'s default, hence text. */
  static final String DEFAULT_STOP_TIMEOUT = "30s";
  /** The system property prefix naming a service's jar: {@code -Dplantspy.jar.stream-processor=PATH}. */
  static final String JAR_PROPERTY_PREFIX = "plantspy.jar.";

  public PlatformSettings {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    stateDir = stateDir.toAbsolutePath().normalize();
    jars = Map.copyOf(jars);
    java.util.Objects.requireNonNull(external, "external");
  }

  /** Every part embedded. */
  public PlatformSettings(Path repoRoot, Path stateDir, String host, Ports ports, Map<String, Path> jars,
      Duration stopTimeout) {
    this(repoRoot, stateDir, host, ports, jars, stopTimeout, ExternalParts.NONE);
  }

  /** The service jars named by {@code plantspy.jar.NAME} system properties. */
  static Map<String, Path> jarsFromSystemProperties() {
    Map<String, Path> jars = new HashMap<>();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(JAR_PROPERTY_PREFIX))
        .forEach(k -> jars.put(k.substring(JAR_PROPERTY_PREFIX.length()), Path.of(System.getProperty(k))));
    return jars;
  }

  public int port(NamedPort port) {
    return ports.of(port);
  }

  /** {@code host:port}. */
  public String address(NamedPort port) {
    return host + ":" + port(port);
  }

  /** {@code http://host:port}. */
  public String httpUrl(NamedPort port) {
    return "http://" + address(port);
  }

  Optional<Path> jar(String service) {
    return Optional.ofNullable(jars.get(service));
  }

  /** The port of every service, by key; two services on one port would fail late and confusingly, so refuse. */
  public record Ports(Map<String, Integer> byKey) {

    public Ports {
      byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
      Map<Integer, String> seen = new HashMap<>();
      byKey.forEach((key, port) -> {
        if (port <= 0 || port > 65535) {
          throw new IllegalArgumentException("port out of range for " + key + ": " + port);
        }
        String other = seen.put(port, key);
        if (other != null) {
          throw new IllegalArgumentException("port " + port + " is configured for both " + other + " and " + key);
        }
      });
    }

    /** Every service's declared default. */
    public static Ports defaults() {
      return with(Map.of());
    }

    /** The defaults with some ports, by key, replaced. */
    public static Ports with(Map<String, Integer> overrides) {
      Map<String, Integer> ports = new LinkedHashMap<>();
      Services.ports().forEach(p -> ports.put(p.key(), overrides.getOrDefault(p.key(), p.defaultPort())));
      overrides.keySet().stream().filter(k -> !ports.containsKey(k)).findFirst().ifPresent(k -> {
        throw new IllegalArgumentException("no service has a port named " + k);
      });
      return new Ports(ports);
    }

    public int of(NamedPort port) {
      Integer value = byKey.get(port.key());
      if (value == null) {
        throw new IllegalArgumentException("no port configured for " + port.key());
      }
      return value;
    }
  }
}
