package io.plantspy.trainer.field;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A release's figures on the field-conditions suite: each condition at each severity, the mean over conditions,
 * the clean photos the suite was made from, and the clean non-leaf test photos; written as CSV and Markdown.
 *
 * @param failures the "where it fails" Markdown (thumbnails and confusion pairs), or null when not asked for
 */
public record FieldReport(String releaseId, FieldSuite suite, int photosPerClass, FieldOutcome clean,
    Double nonLeafUnknown, Map<FieldCondition, Map<Integer, FieldOutcome>> outcomes, String failures) {

  public FieldReport {
    outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  /** One condition's outcome averaged over its severities. */
  public FieldOutcome mean(FieldCondition condition) {
    return average(List.copyOf(outcomes.get(condition).values()));
  }

  /** The suite's headline: every condition weighted alike (each already averaged over its severities). */
  public FieldOutcome mean() {
    return average(outcomes.keySet().stream().map(this::mean).toList());
  }

  private static FieldOutcome average(List<FieldOutcome> parts) {
    double n = parts.size();
    return new FieldOutcome(parts.stream().mapToInt(FieldOutcome::images).sum(),
        parts.stream().mapToDouble(FieldOutcome::top1).sum() / n,
        parts.stream().mapToDouble(FieldOutcome::answeredRight).sum() / n,
        parts.stream().mapToDouble(FieldOutcome::answeredWrong).sum() / n,
        parts.stream().mapToDouble(FieldOutcome::unknown).sum() / n);
  }

  public void writeCsv(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(file);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
            .setHeader("condition", "severity", "images", "top1", "answered_right", "answered_wrong", "unknown")
            .get())) {
      csv.printRecord(row("clean", "", clean));
      outcomes.forEach((condition, bySeverity) -> bySeverity.forEach((severity, outcome) ->
          print(csv, row(name(condition), severity.toString(), outcome))));
      outcomes.keySet().forEach(condition -> print(csv, row(name(condition), "mean", mean(condition))));
      csv.printRecord(row("field_mean", "mean", mean()));
    }
  }

  /** The Markdown table with its heading paragraph (no title), as the reports and the model card show it. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Suite `%s`, seed %d, %d test photos per class (at most), severities %s. ",
        FieldSuite.VERSION, suite.seed(), photosPerClass, suite.severities()));
    md.append("Top-1 is the most probable class; the last three columns split the served answers into right, ")
        .append("wrong and `unknown` (a field photo answered `unknown` is better than a wrong disease).\n\n");
    md.append("| condition | top-1 | answered right | answered wrong | `unknown` | per severity (top-1) |\n")
        .append("|---|---|---|---|---|---|\n");
    md.append(line("clean (same photos)", clean, ""));
    for (FieldCondition condition : outcomes.keySet()) {
      StringBuilder severities = new StringBuilder();
      outcomes.get(condition).forEach((severity, outcome) -> severities.append(severities.isEmpty() ? "" : " / ")
          .append(percent(outcome.top1())));
      md.append(line(name(condition), mean(condition), severities.toString()));
    }
    md.append(line("**field-conditions mean**", mean(), ""));
    if (nonLeafUnknown != null) {
      md.append(String.format(Locale.ROOT, "%nNon-leaf test photos answered `unknown`: %s.%n",
          percent(nonLeafUnknown)));
    }
    return md.toString();
  }

  private static String line(String name, FieldOutcome outcome, String severities) {
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, percent(outcome.top1()),
        percent(outcome.answeredRight()), percent(outcome.answeredWrong()), percent(outcome.unknown()), severities);
  }

  private static Object[] row(String condition, String severity, FieldOutcome outcome) {
    return new Object[] {condition, severity, outcome.images(), format(outcome.top1()),
        format(outcome.answeredRight()), format(outcome.answeredWrong()), format(outcome.unknown())};
  }

  private static void print(CSVPrinter csv, Object[] row) {
    try {
      csv.printRecord(row);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String name(FieldCondition condition) {
    return condition.name().toLowerCase(Locale.ROOT);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
