package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The heap of a running JVM as {@code jstat -gc PID} reports it. jstat reads the JVM's performance counters
 * without attaching to it, and prints the same columns for every collector the services use (parallel for the API,
 * processor and MongoDB server, G1 for Kafka and Keycloak), where {@code jcmd GC.heap_info} words each differently.
 *
 * @param usedBytes survivor spaces, eden and old generation in use
 * @param oldUsedBytes the old generation in use: what stays after young collections, so a leak shows here
 */
record JvmHeap(long usedBytes, long oldUsedBytes) {

  private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");
  private static final long JSTAT_TIMEOUT_SECONDS = 20;

  /** The heap of the JVM with this pid, or empty when jstat cannot read it (gone, or another user's). */
  static Optional<JvmHeap> read(long pid) {
    Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
    try {
      Process process = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid))
          .redirectErrorStream(true).start();
      // Read before waiting: the output is two lines, but a full pipe would block jstat.
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(JSTAT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? parse(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Reads jstat's header line and the value line below it by column name (the set of columns differs between JDK
   * versions); the values are kilobytes, with a decimal point and {@code -} for a space the collector lacks.
   */
  static Optional<JvmHeap> parse(String jstatOutput) {
    List<String> lines = jstatOutput.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String[] names = lines.get(i).split("\\s+");
      String[] values = lines.get(i + 1).split("\\s+");
      if (names.length != values.length || !List.of(names).containsAll(USED_COLUMNS)) {
        continue;
      }
      Map<String, Double> kilobytes = new HashMap<>();
      for (int c = 0; c < names.length; c++) {
        kilobytes.put(names[c], values[c].equals("-") ? 0 : parseNumber(values[c]));
      }
      if (kilobytes.values().stream().anyMatch(v -> v.isNaN())) {
        continue;
      }
      double used = USED_COLUMNS.stream().mapToDouble(kilobytes::get).sum();
      return Optional.of(new JvmHeap(Math.round(used * 1024), Math.round(kilobytes.get("OU") * 1024)));
    }
    return Optional.empty();
  }

  private static double parseNumber(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
