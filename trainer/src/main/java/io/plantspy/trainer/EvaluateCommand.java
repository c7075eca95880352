package io.plantspy.trainer;

import io.plantspy.trainer.eval.ReleaseEvaluator;
import io.plantspy.trainer.eval.ReportWriter;
import io.plantspy.trainer.embed.EmbeddingCache;
import java.io.PrintWriter;
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
    out().flush();
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
