package io.plantspy.trainerservice.runs;

import io.plantspy.trainer.loop.ClassComparison;
import io.plantspy.trainer.loop.Comparison;
import io.plantspy.trainer.loop.RunOutcome;
import java.util.List;

/**
 * A finished run's outcome as stored and shown: the challenger release, both models' top-1 on the common
 * evaluation images, the per-class table, McNemar's test, the decision with its reasons, and where the reports
 * (prediction CSVs, metrics) are.
 */
public record RunResult(
    String challengerReleaseId,
    int evaluationImages,
    double championTop1,
    double challengerTop1,
    List<ClassRow> classes,
    McNemarFigures mcnemar,
    boolean promoted,
    List<String> reasons,
    String reportDir,
    String championPredictions,
    String challengerPredictions) {

  public RunResult {
    classes = classes == null ? List.of() : List.copyOf(classes);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** One class's recall for both models; {@code championRecall} null for a class new to the challenger. */
  public record ClassRow(String label, int images, Double championRecall, double challengerRecall) {

    static ClassRow of(ClassComparison c) {
      return new ClassRow(c.label(), c.images(), Double.isNaN(c.championRecall()) ? null : c.championRecall(),
          c.challengerRecall());
    }
  }

  /** McNemar's test on the discordant pairs: b = only the champion right, c = only the challenger right. */
  public record McNemarFigures(int championOnly, int challengerOnly, double pValue, String method) {}

  static RunResult of(RunOutcome outcome) {
    Comparison c = outcome.comparison();
    return new RunResult(outcome.challenger().id(), c.images(), c.championTop1(), c.challengerTop1(),
        c.classes().stream().map(ClassRow::of).toList(),
        c.mcnemar() == null ? null : new McNemarFigures(c.mcnemar().championOnly(), c.mcnemar().challengerOnly(),
            c.mcnemar().pValue(), c.mcnemar().method()),
        outcome.decision().promote(), outcome.decision().reasons(),
        outcome.reportDir() == null ? null : outcome.reportDir().toString(),
        c.championPredictions() == null ? null : c.championPredictions().toString(),
        c.challengerPredictions() == null ? null : c.challengerPredictions().toString());
  }
}
