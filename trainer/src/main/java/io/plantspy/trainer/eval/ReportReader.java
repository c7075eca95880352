package io.plantspy.trainer.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads back what {@link ReportWriter} wrote into a release's {@code evaluation} folder. */
public final class ReportReader {

  private ReportReader() {}

  /** The per-class scores of {@code per-class.csv}, in the file's (the labels') order. */
  public static List<ClassScore> classScores(Path dir) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    List<ClassScore> scores = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(dir.resolve(ReportWriter.PER_CLASS_CSV))) {
      for (CSVRecord row : format.parse(reader)) {
        try {
          scores.add(new ClassScore(row.get("class"), Double.parseDouble(row.get("precision")),
              Double.parseDouble(row.get("recall")), Double.parseDouble(row.get("f1")),
              Integer.parseInt(row.get("support"))));
        } catch (IllegalArgumentException e) { // NumberFormatException, or a column missing
          throw new IOException(ReportWriter.PER_CLASS_CSV + " line " + row.getRecordNumber() + " is not a score: "
              + e.getMessage(), e);
        }
      }
    }
    return scores;
  }
}
