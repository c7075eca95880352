package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code up --detach}: starts the launcher again as a background process in a session of its own ({@code up
 * --supervise}, output to {@code logs/launcher.log}), which starts the platform and then stays to supervise it,
 * and echoes that process's output here until it says the platform runs (exit 0) or it ends (exit 1).
 */
final class DetachedLauncher {

  private static final long POLL_MILLIS = 200;

  private final StateFolder state;

  DetachedLauncher(StateFolder state) {
    this.state = state;
  }

  int start(List<String> upArguments, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    state.create();
    Path log = state.log(UpCommand.LAUNCHER_LOG);
    long from = java.nio.file.Files.exists(log) ? java.nio.file.Files.size(log) : 0;
    ChildProcess launcher = ChildProcess.start(UpCommand.LAUNCHER_LOG,
        JavaCommand.of(jvmOptions(), PlantspyLauncher.class.getName(), upArguments), state.root(), log, environment);
    try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
      in.seek(from);
      StringBuilder partial = new StringBuilder();
      while (true) {
        boolean alive = launcher.isAlive();
        for (String line : newLines(in, partial)) {
          if (line.startsWith(ChildProcess.START_MARKER)) {
            continue;
          }
          System.out.println(line);
          if (line.equals(UpCommand.DETACHED)) {
            System.out.println("Supervisor (restarts a service that dies): pid " + launcher.pid() + ", log " + log);
            return 0;
          }
        }
        if (!alive) {
          System.err.println("[plantspy] the background launcher ended before the platform was up (log: " + log + ")");
          return 1;
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
  }

  // The complete lines appended since the last call; a line still being written waits in partial.
  private static List<String> newLines(RandomAccessFile in, StringBuilder partial) throws IOException {
    byte[] bytes = new byte[(int) Math.max(0, in.length() - in.getFilePointer())];
    in.readFully(bytes);
    partial.append(new String(bytes, StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    int end;
    while ((end = partial.indexOf("\n")) >= 0) {
      lines.add(partial.substring(0, end));
      partial.delete(0, end + 1);
    }
    return lines;
  }

  // What the script gave this launcher (checkout, classpath file, service jars), so the background one has it too.
  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", JavaCommand.THROUGHPUT_GC));
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.equals("plantspy.home") || name.equals(JavaCommand.CLASSPATH_PROPERTY)
          || name.startsWith(PlatformSettings.JAR_PROPERTY_PREFIX)) {
        options.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    return options;
  }
}
