package io.plantspy.infra.launcher;

import java.util.List;
import java.util.Locale;

/**
 * The soak's verdict in markdown: for each series its first and last sample and the slope of its least-squares
 * line per 10 minutes (also as a share of its mean), so "flat after warm-up" is a number, not a look at the plot.
 */
final class SoakSummary {

  private SoakSummary() {}

  /** A table row per series; {@code heading} lines (the run's settings and totals) come first. */
  static String markdown(List<String> heading, List<SoakSeries> series) {
    StringBuilder md = new StringBuilder();
    heading.forEach(line -> md.append(line).append('\n'));
    md.append('\n').append("| series | unit | first | last | slope per 10 min | slope per 10 min, % of mean |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (SoakSeries s : series) {
      List<Trend.Point> measured = s.measured();
      if (measured.isEmpty()) {
        md.append(String.format(Locale.ROOT, "| %s | %s | | | not measured | |%n", s.name(), s.unit()));
        continue;
      }
      // Over the samples that were read: one jstat that failed does not void the series.
      double slope = Trend.slopePerTenMinutes(measured);
      double mean = measured.stream().mapToDouble(Trend.Point::value).average().orElse(Double.NaN);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", s.name(), s.unit(),
          number(measured.get(0).value()), number(measured.get(measured.size() - 1).value()), signed(slope),
          mean == 0 || Double.isNaN(slope) ? "" : signed(100 * slope / mean) + " %"));
    }
    return md.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%+.0f" : "%+.2f", value);
  }
}
