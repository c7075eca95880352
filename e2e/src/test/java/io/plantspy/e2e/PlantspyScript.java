package io.plantspy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code ./plantspy} script, run as a person runs it, with one state folder, told that the Maven build
 * has already made the launcher and the services' jars (the ones it resolved), so it never starts Maven itself.
 */
final class PlantspyScript {

  /** What one run printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private static final String JAR_PROPERTY_PREFIX = "plantspy.jar.";

  private final Path script = Path.of(System.getProperty("plantspy.script", "../plantspy")).toAbsolutePath();
  private final Path stateDir;
  private final Map<String, String> environment;

  PlantspyScript(Path stateDir, Map<String, String> environment) {
    this.stateDir = stateDir;
    this.environment = Map.copyOf(environment);
  }

  Path stateDir() {
    return stateDir;
  }

  Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("plantspy-out", ".txt");
    Path err = Files.createTempFile("plantspy-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = builder.environment();
    // The build's own Maven settings are not the script's business, and it must not start Maven anyway.
    env.remove("MAVEN_ARGS");
    env.remove("MAVEN_OPTS");
    env.put("PLANTSPY_SKIP_BUILD", "1");
    env.put("PLANTSPY_STATE_DIR", stateDir.toString());
    env.putAll(jarsFromSystemProperties());
    // The same Java as the tests', whatever PATH says.
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
        + env.getOrDefault("PATH", ""));
    env.putAll(environment);
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("./plantspy " + String.join(" ", args) + " did not finish within " + timeout
            + "\n" + Files.readString(out) + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Maven's {@code -Dplantspy.jar.stream-processor=PATH} as the script's {@code PLANTSPY_STREAM_PROCESSOR_JAR}. */
  private static Map<String, String> jarsFromSystemProperties() {
    Map<String, String> jars = new HashMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(JAR_PROPERTY_PREFIX)) {
        String service = key.substring(JAR_PROPERTY_PREFIX.length());
        jars.put("PLANTSPY_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAR", System.getProperty(key));
      }
    }
    return jars;
  }
}
