package io.plantspy.trainer;

import io.plantspy.trainer.eval.ReleaseEvaluator;
import io.plantspy.trainer.eval.ReportWriter;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.EmbeddingCache;
import io.plantspy.trainer.field.FieldCondition;
import io.plantspy.trainer.field.FieldConditionsEvaluator;
import io.plantspy.trainer.field.FieldReport;
import io.plantspy.trainer.field.FieldSuite;
import io.plantspy.trainer.field.ModelCardSection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer evaluate}: re-scores a release on a dataset's test split and writes the reports. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a release folder on the test split of a dataset (same seed and split as training).")
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--release", required = true, description = "Release folder (with release.json).")
  Path release;

  @Option(names = "--dataset", required = true)
  Path dataset;

  @Option(names = "--background")
  Path background;

  @Option(names = "--out", description = "Write reports (CSV, Markdown, confusion matrix PNG) here.")
  Path reportsDir;

  @Option(names = "--cache", description = "Embedding cache folder (default: ~/.cache/plantspy/embeddings).")
  Path cache;

  @Option(names = "--field-conditions", description = "Also measure the release on the field-conditions suite "
      + "(needs --background; writes field-conditions.csv and .md with --out).")
  boolean fieldConditions;

  @Option(names = "--field-seed", defaultValue = "20261128", description = "Seed of the suite (default: ${DEFAULT-VALUE}).")
  long fieldSeed;

  @Option(names = "--field-per-class", defaultValue = "20",
      description = "Test photos per class in the suite (default: ${DEFAULT-VALUE}).")
  int fieldPerClass;

  @Option(names = "--field-severities", defaultValue = "1,2,3", split = ",",
      description = "Severities 1..3 (default: ${DEFAULT-VALUE}).")
  List<Integer> fieldSeverities;

  @Option(names = "--tta", split = ",", description = "Test-time augmentation on the field-conditions suite: "
      + "each photo is also seen through these views (e.g. FLIP_HORIZONTAL), probabilities and class distances "
      + "averaged before the open-set rule; each view is one more backbone pass per photo. Not with "
      + "--update-model-card: serving does not do it.")
  List<Augmentation> tta = List.of();

  @Option(names = "--update-model-card", description = "Put the field-conditions figures into the release's "
      + "MODEL_CARD.md (section \"Field conditions\").")
  boolean updateModelCard;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path cacheDir = cache != null ? cache : EmbeddingCache.defaultDir();
    ReleaseEvaluator.Result result = ReleaseEvaluator.evaluate(release, dataset, background, cacheDir);
    out().println("metric,value");
    result.evaluation().metrics().forEach((k, v) -> out().printf(Locale.ROOT, "%s,%.4f%n", k, v));
    // The open-set rule the figures above were computed with.
    var thresholds = result.manifest().thresholds();
    out().printf(Locale.ROOT, "threshold,%.3f%n", thresholds.minConfidence());
    if (thresholds.usesClassDistance()) {
      out().printf(Locale.ROOT, "max_class_distance,%.3f%n", thresholds.maxClassDistance());
    }
    if (reportsDir != null) {
      ReportWriter.write(result.evaluation(), result.manifest().id() + " — test split", reportsDir);
    }
    if (fieldConditions) {
      FieldSuite suite = new FieldSuite(fieldSeed, List.of(FieldCondition.values()), fieldSeverities);
      // The model card links thumbnails of failures, kept with the release's other evaluation files.
      Path failures = updateModelCard ? release.resolve("evaluation").resolve("field-failures") : null;
      if (updateModelCard && !tta.isEmpty()) {
        throw new IllegalArgumentException("--tta measures what serving does not do: not with --update-model-card");
      }
      FieldReport field = FieldConditionsEvaluator.evaluate(release, dataset, background, cacheDir, suite,
          fieldPerClass, failures, tta);
      if (!tta.isEmpty()) {
        out().println();
        out().println("Test-time views averaged with each photo: " + tta);
      }
      out().println();
      out().print(field.markdown());
      if (reportsDir != null) {
        field.writeCsv(reportsDir.resolve("field-conditions.csv"));
        Files.writeString(reportsDir.resolve("field-conditions.md"), "# " + result.manifest().id()
            + " — field conditions\n\n" + field.markdown());
      }
      if (updateModelCard) {
        ModelCardSection.put(release.resolve("MODEL_CARD.md"), "Field conditions", field.markdown()
            + "\nReproduce: `./plantspy evaluate --release RELEASE --dataset DATASET --background BACKGROUND "
            + "--field-conditions --field-seed " + fieldSeed + " --field-per-class " + fieldPerClass
            + " --field-severities " + fieldSeverities.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")) + "`.\n");
        ModelCardSection.put(release.resolve("MODEL_CARD.md"), "Where it fails", field.failures()
            .replace("](field-failures/", "](evaluation/field-failures/"));
      }
    }
    out().flush();
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
