package io.plantspy.trainer.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an {@link Evaluation} as files: {@code metrics.csv}, {@code per-class.csv},
 * {@code confusion-matrix.csv}, {@code confusion-matrix.png} and {@code metrics.md}.
 */
public final class ReportWriter {

  /** The per-class scores' file, read back by {@link ReportReader}. */
  public static final String PER_CLASS_CSV = "per-class.csv";
  public static final String CONFUSION_MATRIX_PNG = "confusion-matrix.png";

  private ReportWriter() {}

  public static void write(Evaluation evaluation, String title, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (CSVPrinter csv = printer(dir.resolve("metrics.csv"), "metric", "value")) {
      for (Map.Entry<String, Double> metric : evaluation.metrics().entrySet()) {
        csv.printRecord(metric.getKey(), format(metric.getValue()));
      }
    }
    try (CSVPrinter csv = printer(dir.resolve(PER_CLASS_CSV), "class", "precision", "recall", "f1", "support")) {
      for (ClassScore score : evaluation.classScores()) {
        csv.printRecord(score.label(), format(score.precision()), format(score.recall()), format(score.f1()),
            score.support());
      }
    }
    List<String> labels = evaluation.labels();
    int[][] confusion = evaluation.confusion();
    String[] header = new String[labels.size() + 1];
    header[0] = "true \\ predicted";
    for (int i = 0; i < labels.size(); i++) {
      header[i + 1] = labels.get(i);
    }
    try (CSVPrinter csv = printer(dir.resolve("confusion-matrix.csv"), header)) {
      for (int r = 0; r < labels.size(); r++) {
        Object[] row = new Object[labels.size() + 1];
        row[0] = labels.get(r);
        for (int c = 0; c < labels.size(); c++) {
          row[c + 1] = confusion[r][c];
        }
        csv.printRecord(row);
      }
    }
    ConfusionMatrixImage.write(labels, confusion, title, dir.resolve(CONFUSION_MATRIX_PNG));
    Files.writeString(dir.resolve("metrics.md"), markdown(evaluation, title));
  }

  public static String markdown(Evaluation evaluation, String title) {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n| metric | value |\n|---|---|\n");
    evaluation.metrics().forEach((name, value) -> md.append("| ").append(name).append(" | ")
        .append(format(value)).append(" |\n"));
    md.append("\n| class | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
    for (ClassScore score : evaluation.classScores()) {
      md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", score.label(), score.precision(),
          score.recall(), score.f1(), score.support()));
    }
    md.append("\n![confusion matrix](confusion-matrix.png)\n");
    return md.toString();
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) > 1 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.4f", value);
  }

  private static CSVPrinter printer(Path file, String... header) throws IOException {
    Writer writer = Files.newBufferedWriter(file);
    return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
  }
}
