package io.plantspy.e2e;

import io.plantspy.infra.keycloak.KeycloakAdmin;
import io.plantspy.infra.launcher.NamedPort;
import io.plantspy.infra.launcher.PlatformState;
import io.plantspy.infra.launcher.Services;
import io.plantspy.infra.launcher.StateFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole platform started with {@code ./plantspy up --detach} on free ports (given as the documented
 * {@code PLANTSPY_*_PORT} variables) in a temporary state folder; {@link #close()} runs {@code down} and deletes
 * the folder. The test classes share one through {@link ScriptedPlatformExtension}.
 *
 * <p>Two ways of starting the parts, chosen by the system property {@value #PARTS_PROPERTY}: {@code embedded}
 * (the default: {@code up} starts its own Kafka, MongoDB and Keycloak) or {@code containers} ({@link ContainerParts}
 * starts them as containers and {@code up} is given them). The scenarios are the same either way.
 */
final class ScriptedPlatform implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final String PARTS_PROPERTY = "plantspy.e2e.parts";
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);

  private final PlantspyScript script;
  private final Map<String, Integer> ports;
  // Null when up started its own parts.
  private final ContainerParts containers;
  private PlatformState started;

  private ScriptedPlatform(PlantspyScript script, Map<String, Integer> ports, ContainerParts containers) {
    this.script = script;
    this.ports = Map.copyOf(ports);
    this.containers = containers;
  }

  /** Whether this run starts the parts as containers ({@code -Dplantspy.e2e.parts=containers}). */
  static boolean onContainers() {
    return "containers".equals(System.getProperty(PARTS_PROPERTY, "embedded"));
  }

  static ScriptedPlatform up() throws IOException, InterruptedException {
    Path stateDir = Files.createTempDirectory("plantspy-e2e").resolve("state");
    Map<String, Integer> ports = FreePorts.forEach(Services.ports());
    Map<String, String> env = new HashMap<>();
    for (NamedPort port : Services.ports()) {
      env.put(port.environmentVariable(), String.valueOf(ports.get(port.key())));
    }
    ContainerParts containers = onContainers() ? ContainerParts.start() : null;
    if (containers != null) {
      env.putAll(containers.environment());
    }
    ScriptedPlatform platform = new ScriptedPlatform(new PlantspyScript(stateDir, env), ports, containers);
    PlantspyScript.Result up = platform.script.run(UP_TIMEOUT, "up", "--detach");
    System.out.println(up);
    if (up.exitCode() != 0) {
      ServiceLogs.printTails(platform.state().logs(), 80, System.out);
      platform.close();
      throw new IllegalStateException("./plantspy up --detach failed:\n" + up);
    }
    // Kept: a test may run down, which removes the file.
    platform.started = platform.state().platform().orElseThrow();
    return platform;
  }

  PlantspyScript.Result run(String... args) throws IOException, InterruptedException {
    return script.run(Duration.ofMinutes(3), args);
  }

  StateFolder state() {
    return new StateFolder(script.stateDir());
  }

  /** The port given to {@code up} for the port with this key ({@code api}, {@code kafka}, ...). */
  int port(String key) {
    return ports.get(key);
  }

  Map<String, Integer> ports() {
    return ports;
  }

  String apiUrl() {
    return "http://" + HOST + ":" + port("api");
  }

  /** The Keycloak the services use: the platform's own, or the container. */
  String keycloakUrl() {
    return started.keycloakUrl();
  }

  String kafkaBootstrap() {
    return started.kafkaBootstrap();
  }

  /** Admin calls and tokens at that Keycloak, as its bootstrap admin. */
  KeycloakAdmin keycloakAdmin() throws IOException {
    // A Keycloak given to up from outside (containers, or the variables set for the whole run) has its own admin.
    String given = containers != null ? containers.keycloakAdminPassword()
        : System.getenv("PLANTSPY_KEYCLOAK_ADMIN_PASSWORD");
    String adminPassword = given != null ? given : state().passwords().get(StateFolder.KEYCLOAK_ADMIN);
    return new KeycloakAdmin(keycloakUrl(), "admin", adminPassword);
  }

  /** A token for one of the demo users, with the password this platform's state folder gave it. */
  String token(String user) throws IOException {
    return keycloakAdmin().userToken(user, state().passwords().get(user));
  }

  /** Stops whatever still runs ({@code down} is a no-op after a test ran it) and deletes the state folder. */
  @Override
  public void close() throws IOException, InterruptedException {
    PlantspyScript.Result down = run("down");
    if (down.exitCode() != 0) {
      System.out.println("./plantspy down at the end failed:\n" + down);
    }
    if (containers != null) {
      containers.close();
    }
    Path root = script.stateDir().getParent();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
