package io.plantspy.trainer.loop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's comparison and decision next to its prediction CSVs: {@code metrics.json},
 * {@code decision.json} and {@code decision.md} (for people).
 */
final class RunReports {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RunReports() {}

  static void write(Path reportDir, ChallengerRequest request, String championId, LoopTrainingSet set,
      Comparison comparison, Comparison topClassOnly, Decision decision, Map<String, Double> phaseSeconds)
      throws IOException {
    Files.createDirectories(reportDir);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("runId", request.runId());
    metrics.put("champion", championId);
    metrics.put("challenger", request.releaseId());
    metrics.put("seed", request.seed());
    metrics.put("heldBackShare", request.heldBackShare());
    metrics.put("labSamplesTrained", set.labTrained().size());
    metrics.put("labSamplesHeldBack", set.labHeldBack().size());
    metrics.put("labSamplesDuplicate", set.labDuplicates());
    metrics.put("evaluationImages", set.evaluation().size());
    metrics.put("leafImagesCompared", comparison.images());
    metrics.put("championTop1", comparison.championTop1());
    metrics.put("challengerTop1", comparison.challengerTop1());
    Map<String, Object> mcnemar = new LinkedHashMap<>();
    mcnemar.put("championOnly", comparison.mcnemar().championOnly());
    mcnemar.put("challengerOnly", comparison.mcnemar().challengerOnly());
    mcnemar.put("pValue", comparison.mcnemar().pValue());
    mcnemar.put("method", comparison.mcnemar().method());
    metrics.put("mcnemar", mcnemar);
    metrics.put("classes", classes(comparison));
    // The classifier alone (the most probable class, unknown flag or not), to tell threshold effects from
    // confusions; not part of the decision.
    Map<String, Object> topClass = new LinkedHashMap<>();
    topClass.put("championTop1", topClassOnly.championTop1());
    topClass.put("challengerTop1", topClassOnly.challengerTop1());
    topClass.put("classes", classes(topClassOnly));
    metrics.put("topClassOnly", topClass);
    metrics.put("phaseSeconds", phaseSeconds);
    Files.writeString(reportDir.resolve("metrics.json"), JSON.writeValueAsString(metrics) + "\n");

    Map<String, Object> decisionJson = new LinkedHashMap<>();
    decisionJson.put("promote", decision.promote());
    decisionJson.put("reasons", decision.reasons());
    decisionJson.put("policy", Map.of("maxRecallDropPoints", request.policy().maxRecallDropPoints(),
        "minNewClassImages", request.policy().minNewClassImages(),
        "classRegressionAlpha", request.policy().classRegressionAlpha()));
    Files.writeString(reportDir.resolve("decision.json"), JSON.writeValueAsString(decisionJson) + "\n");
    Files.writeString(reportDir.resolve("decision.md"),
        markdown(request, championId, comparison, topClassOnly, decision));
  }

  private static List<Map<String, Object>> classes(Comparison comparison) {
    List<Map<String, Object>> classes = new ArrayList<>();
    for (ClassComparison c : comparison.classes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", c.label());
      row.put("images", c.images());
      // JSON has no NaN: a class the champion does not know has no champion recall.
      row.put("championRecall", Double.isNaN(c.championRecall()) ? null : c.championRecall());
      row.put("challengerRecall", c.challengerRecall());
      row.put("championOnly", c.championOnly());
      row.put("challengerOnly", c.challengerOnly());
      // The one-sided test the promotion rule applies to a known class's drop (see ClassRegression).
      row.put("regressionPValue", Double.isNaN(c.championRecall()) ? null : ClassRegression.of(c).pValue());
      classes.add(row);
    }
    return classes;
  }

  static String markdown(ChallengerRequest request, String championId, Comparison comparison,
      Comparison topClassOnly, Decision decision) {
    StringBuilder md = new StringBuilder();
    md.append("# Run ").append(request.runId()).append(": ")
        .append(decision.promote() ? "challenger promoted" : "champion kept").append("\n\n");
    md.append("Champion `").append(championId).append("`, challenger `").append(request.releaseId())
        .append("`, seed ").append(request.seed()).append(".\n\n");
    decision.reasons().forEach(reason -> md.append("- ").append(reason).append('\n'));
    md.append(String.format(Locale.ROOT, "%n| | champion | challenger |%n|---|---|---|%n| top-1 (%d leaf images) "
        + "| %.4f | %.4f |%n| top class only, unknown flag ignored | %.4f | %.4f |%n", comparison.images(),
        comparison.championTop1(), comparison.challengerTop1(), topClassOnly.championTop1(),
        topClassOnly.challengerTop1()));
    md.append("\nRecall per class; in brackets the top class only, unknown flag ignored (not part of the rule); b / c: "
        + "the class's images only the champion / only the challenger answered right; p: one-sided exact test of a "
        + "drop.\n");
    md.append("\n| class | images | champion recall | challenger recall | b / c | p |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < comparison.classes().size(); i++) {
      ClassComparison c = comparison.classes().get(i);
      ClassComparison top = topClassOnly.classes().get(i);
      boolean isNew = Double.isNaN(c.championRecall());
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.4f (%.4f) | %s | %s |%n", c.label(), c.images(),
          isNew ? "new class" : String.format(Locale.ROOT, "%.4f (%.4f)", c.championRecall(), top.championRecall()),
          c.challengerRecall(), top.challengerRecall(),
          isNew ? "–" : c.championOnly() + " / " + c.challengerOnly(),
          isNew ? "–" : String.format(Locale.ROOT, "%.3g", ClassRegression.of(c).pValue())));
    }
    return md.toString();
  }
}
