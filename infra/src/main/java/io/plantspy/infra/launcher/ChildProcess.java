package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform running as a child process (or, after {@code up --detach}, a process found again
 * by its pid): its name, log file, and how to stop it politely first and by force after a timeout.
 */
public final class ChildProcess {

  /** Begins the line the launcher writes to a service's log before each start. */
  public static final String START_MARKER = "=== plantspy launcher: starting";

  private final String name;
  private final ProcessHandle handle;
  private final Path log;
  private final Process process; // null for a process found by pid: its exit code is not ours to read

  public ChildProcess(String name, ProcessHandle handle, Path log) {
    this(name, handle, log, null);
  }

  private ChildProcess(String name, ProcessHandle handle, Path log, Process process) {
    this.name = name;
    this.handle = handle;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code command} in {@code workDir} with stdout and stderr appended to {@code log}. */
  public static ChildProcess start(String name, List<String> command, Path workDir, Path log,
      java.util.Map<String, String> env) throws IOException {
    StateFolder.createOwnerOnlyFile(log);
    // Logs are appended to across starts; this line tells one start's output from the previous one's.
    Files.writeString(log, START_MARKER + " " + name + " at " + java.time.Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    List<String> line = new java.util.ArrayList<>();
    // A session of its own: a Ctrl-C in the terminal reaches the launcher only, which then stops the services
    // in reverse order, and a detached service does not die with the terminal.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      line.add("/usr/bin/setsid");
    }
    line.addAll(ownerOnlyUmask(command));
    ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        // Children never read stdin; not inheriting the terminal keeps Ctrl-C handling with the launcher.
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    return new ChildProcess(name, process.toHandle(), log, process);
  }

  /**
   * {@code command} run with umask 077, so that whatever the service writes (data, its own logs) is its owner's
   * only. Through {@code exec}, so the pid stays the service's.
   */
  public static List<String> ownerOnlyUmask(List<String> command) {
    List<String> line = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
    line.addAll(command);
    return line;
  }

  /**
   * A process of a detached platform, if that pid is still alive and started at {@code started} (when known):
   * after a reboot or a long time, the pid may belong to an unrelated process, which must never be stopped.
   */
  public static Optional<ChildProcess> find(String name, long pid, Instant started, Path log) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(h -> started == null || h.info().startInstant().map(started::equals).orElse(true))
        .map(h -> new ChildProcess(name, h, log));
  }

  /** When the process started, as the kernel reports it (what {@link #find} compares); null if unknown. */
  public Instant started() {
    return handle.info().startInstant().orElse(null);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return handle.pid();
  }

  public Path log() {
    return log;
  }

  /** The process, when this launcher started it. */
  public Optional<Process> process() {
    return Optional.ofNullable(process);
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /**
   * SIGTERM, then SIGKILL for it and its descendants if it has not exited within {@code timeout}. Descendants
   * matter for Keycloak, whose kc.sh forwards SIGTERM to the JVM it started but dies alone on SIGKILL.
   */
  public void stop(Duration timeout) {
    if (!handle.isAlive()) {
      return;
    }
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception timedOut) {
      // Falls through to the forced kill.
    }
    if (handle.isAlive()) {
      handle.destroyForcibly();
    }
    for (ProcessHandle child : descendants) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Killed; the kernel reaps it.
    }
  }

  /** SIGKILL, as a crash would end it (the chaos suite's faults); returns once it has exited. */
  public void kill() {
    handle.destroyForcibly();
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Killed; the kernel reaps it.
    }
  }

  /** The last lines of the log, for failure messages. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  /** What the log holds since the latest start marker (all of it if there is none). */
  String sinceStart() throws IOException {
    String all = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    int start = all.lastIndexOf(START_MARKER);
    return start < 0 ? all : all.substring(start);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + file + ")";
    }
  }
}
