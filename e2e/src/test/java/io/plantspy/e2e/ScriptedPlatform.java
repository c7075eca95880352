package io.plantspy.e2e;

import io.plantspy.infra.launcher.NamedPort;
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
 */
final class ScriptedPlatform implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);

  private final PlantspyScript script;
  private final Map<String, Integer> ports;

  private ScriptedPlatform(PlantspyScript script, Map<String, Integer> ports) {
    this.script = script;
    this.ports = Map.copyOf(ports);
  }

  static ScriptedPlatform up() throws IOException, InterruptedException {
    Path stateDir = Files.createTempDirectory("plantspy-e2e").resolve("state");
    Map<String, Integer> ports = FreePorts.forEach(Services.ports());
    Map<String, String> env = new HashMap<>();
    for (NamedPort port : Services.ports()) {
      env.put(port.environmentVariable(), String.valueOf(ports.get(port.key())));
    }
    ScriptedPlatform platform = new ScriptedPlatform(new PlantspyScript(stateDir, env), ports);
    PlantspyScript.Result up = platform.script.run(UP_TIMEOUT, "up", "--detach");
    System.out.println(up);
    if (up.exitCode() != 0) {
      ServiceLogs.printTails(platform.state().logs(), 80, System.out);
      platform.close();
      throw new IllegalStateException("./plantspy up --detach failed:\n" + up);
    }
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

  String keycloakUrl() {
    return "http://" + HOST + ":" + port("keycloak");
  }

  String kafkaBootstrap() {
    return HOST + ":" + port("kafka");
  }

  /** Stops whatever still runs ({@code down} is a no-op after a test ran it) and deletes the state folder. */
  @Override
  public void close() throws IOException, InterruptedException {
    PlantspyScript.Result down = run("down");
    if (down.exitCode() != 0) {
      System.out.println("./plantspy down at the end failed:\n" + down);
    }
    Path root = script.stateDir().getParent();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
