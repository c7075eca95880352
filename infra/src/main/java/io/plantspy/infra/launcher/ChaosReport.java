package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chaos suite's table: one row per phase (the steady load first, then each fault) with what the client sent,
 * what the platform accepted and how it ended, and how long the platform took to catch up; and the section of a
 * markdown file ({@code RELIABILITY.md}) it replaces with it when asked to record.
 */
final class ChaosReport {

  static final String BEGIN = "<!-- chaos:begin (written by ./plantspy chaos --record; edits here are replaced) -->";
  static final String END = "<!-- chaos:end -->";

  /**
   * One phase's row.
   *
   * @param recovery from the fault's injection until every request sent before it ended had finished and the
   *     fault's leftovers were dealt with; null when that did not happen within the limit
   */
  record Row(String phase, ChaosLedger.Tally tally, Duration recovery) {

    /** Nothing lost, nothing duplicated, everything accepted in the end, recovered. */
    boolean passed() {
      return tally.unfinished() == 0 && tally.duplicated() == 0 && tally.neverAccepted() == 0 && recovery != null;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  boolean passed() {
    return rows.stream().allMatch(Row::passed);
  }

  /** The table, in markdown. */
  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| phase | sent | accepted | completed | failed (code) | lost | duplicated | not accepted | ")
        .append("refused attempts, retried | recovery |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      ChaosLedger.Tally t = row.tally();
      out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | **%d** | **%d** | %d | %s | %s |%n",
          row.phase(), t.sent(), t.accepted(), t.done(), failed(t), t.unfinished(), t.duplicated(),
          t.neverAccepted(), refusals(t.refusals()), recovery(row.recovery())));
    }
    return out.toString();
  }

  private static String failed(ChaosLedger.Tally t) {
    if (t.failed() == 0) {
      return "0";
    }
    return t.failed() + " (" + t.failedByCode().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", ")) + ")";
  }

  private static String refusals(Map<String, Integer> byKind) {
    if (byKind.isEmpty()) {
      return "none";
    }
    return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining(", "));
  }

  private static String recovery(Duration recovery) {
    return recovery == null ? "NOT RECOVERED" : String.format(Locale.ROOT, "%.1f s", recovery.toMillis() / 1000.0);
  }

  /**
   * Replaces the section between {@link #BEGIN} and {@link #END} in {@code file} with {@code section} (appended
   * with the markers when the file has none), leaving the rest of the file as it was.
   */
  static void record(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    String block = BEGIN + "\n" + section.strip() + "\n" + END;
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated;
    if (begin >= 0 && end > begin) {
      updated = text.substring(0, begin) + block + text.substring(end + END.length());
    } else {
      updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
