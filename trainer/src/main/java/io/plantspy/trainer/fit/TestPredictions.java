package io.plantspy.trainer.fit;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.trainer.eval.ScoredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The release's answer for every test image ({@code evaluation/test-predictions.csv}), keyed by content
 * sha256, so a later check can prove the served model still gives exactly these answers.
 */
public final class TestPredictions {

  /** One row of the file. */
  public record Row(String sha256, String label, String predicted, double confidence, boolean unknown) {}

  private static final String[] HEADER = {"sha256", "label", "predicted", "confidence", "unknown"};

  private TestPredictions() {}

  public static void write(Path file, List<ScoredImage> scores, List<String> labels, OpenSetRule rule)
      throws IOException {
    try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(file),
        CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get())) {
      for (ScoredImage scored : scores.stream()
          .sorted(java.util.Comparator.comparing((ScoredImage s) -> s.image().sha256())).toList()) {
        ClassifierAnswer diagnosis = rule.decide(scored.probabilities(), scored.distances());
        csv.printRecord(scored.image().sha256(), scored.image().label(), diagnosis.predictedClass(),
            String.format(Locale.ROOT, "%.4f", diagnosis.top3().get(0).confidence()), diagnosis.unknown());
      }
    }
  }

  public static Map<String, Row> read(Path file) throws IOException {
    Map<String, Row> rows = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord record : parser) {
        rows.put(record.get("sha256"), new Row(record.get("sha256"), record.get("label"), record.get("predicted"),
            Double.parseDouble(record.get("confidence")), Boolean.parseBoolean(record.get("unknown"))));
      }
    }
    return rows;
  }
}
