package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the child JVMs (Kafka broker, Mongo server): the same java as the launcher's, and the
 * infra module's runtime classpath, which the build writes to {@code infra/target/launcher.classpath}.
 */
final class JavaCommand {

  /** System property naming the classpath file; without it the launcher's own classpath is reused. */
  static final String CLASSPATH_PROPERTY = "plantspy.launcher.classpath";

  /** The shared simplelogger.properties keeps the launcher's console quiet; a child's log file wants more. */
  static final List<String> LOG_INFO = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
      "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info");

  /**
   * The throughput collector, for the platform's own services: on a few cores shared by all of them, G1's
   * concurrent work costs more CPU than its short pauses save (with G1 the MongoDB server spent a third of its
   * samples in GC).
   */
  static final String THROUGHPUT_GC = "-XX:+UseParallelGC";

  private JavaCommand() {}

  /** {@code options} followed by {@link #LOG_INFO}. */
  static List<String> options(String... options) {
    List<String> all = new ArrayList<>(List.of(options));
    all.addAll(LOG_INFO);
    return all;
  }

  static List<String> of(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  static List<String> jar(List<String> jvmOptions, Path jar, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }

  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static String classpath() throws IOException {
    String file = System.getProperty(CLASSPATH_PROPERTY);
    if (file != null && Files.isRegularFile(Path.of(file))) {
      String dependencies = Files.readString(Path.of(file)).trim();
      // The file lists the dependencies only; the infra classes themselves (MongoServerMain) come from here.
      String self = Path.of(JavaCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .toString();
      return self + java.io.File.pathSeparator + dependencies;
    }
    return System.getProperty("java.class.path");
  }
}
