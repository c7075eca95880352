package io.plantspy.trainer;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.trainer.data.DatasetScanner;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.loop.ChallengerRequest;
import io.plantspy.trainer.loop.ChallengerRun;
import io.plantspy.trainer.loop.ClassComparison;
import io.plantspy.trainer.loop.LabSampleFile;
import io.plantspy.trainer.loop.PromotionPolicy;
import io.plantspy.trainer.loop.RunOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer challenge}: one learning-loop run from folders. Trains a challenger on a base dataset plus lab
 * samples, scores it and the champion on the same images and prints the promotion decision with its reasons.
 */
@Command(name = "challenge", mixinStandardHelpOptions = true,
    description = "Train a challenger on a base dataset plus lab samples (one folder per class), compare it with "
        + "the champion release on the same evaluation images and decide whether it replaces it.")
final class ChallengeCommand implements Callable<Integer> {

  @Option(names = "--dataset", required = true, description = "Base dataset, one folder per class.")
  Path dataset;

  @Option(names = "--background", description = "Non-leaf photos (one class folder), answered as unknown.")
  Path background;

  @Option(names = "--lab-samples", description = "Lab samples, one folder per class (default: none: the challenger "
      + "differs from the champion by its training settings alone, e.g. --head or --field-views).")
  Path labSamples;

  @Option(names = "--champion", description = "The champion's release folder (default: the release models/CURRENT "
      + "names).")
  Path champion;

  @Option(names = "--models", defaultValue = "${sys:plantspy.home:-.}/models",
      description = "Models folder, for the default champion (default: ${DEFAULT-VALUE}).")
  Path models;

  @Option(names = "--challenger", description = "An already trained challenger release folder (same seed) to "
      + "compare instead of training one; the training options are then unused.")
  Path challenger;

  @Option(names = "--work", required = true,
      description = "Where the run's folder (challenger release, predictions, metrics, decision) is written.")
  Path work;

  @Option(names = "--run-id", description = "Name of the run's folder (default: challenge-<UTC time>).")
  String runId;

  @Option(names = "--release-id", description = "Id of the challenger release (default: the run id).")
  String releaseId;

  @Option(names = "--held-back", defaultValue = "0.2",
      description = "Share of each class's lab samples held back for evaluation (default: ${DEFAULT-VALUE}).")
  double heldBack;

  @Option(names = "--seed", defaultValue = "20261127",
      description = "Split and training seed; the champion's own seed keeps its training images out of the "
          + "evaluation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-recall-drop", defaultValue = "2",
      description = "Points of recall a class the champion knew may lose (default: ${DEFAULT-VALUE}).")
  double maxRecallDrop;

  @Option(names = "--class-regression-alpha", defaultValue = "0.05",
      description = "A class's recall drop above --max-recall-drop blocks promotion only when significant on the "
          + "class's own images (one-sided exact McNemar, p below this); 1 makes every such drop block "
          + "(default: ${DEFAULT-VALUE}).")
  double classRegressionAlpha;

  @Option(names = "--clean-margin", defaultValue = "1.0",
      description = "Top-1 points on clean photos a challenger may give up, not significantly, when it answers at "
          + "least --min-field-gain more points of the field-conditions suite right (needs --background; "
          + "default: ${DEFAULT-VALUE}).")
  double cleanMargin;

  @Option(names = "--min-field-gain", defaultValue = "5.0",
      description = "Field-conditions points that buy --clean-margin (default: ${DEFAULT-VALUE}).")
  double minFieldGain;

  @Option(names = "--max-field-drop", defaultValue = "2.0",
      description = "Field-conditions points a challenger may lose (default: ${DEFAULT-VALUE}).")
  double maxFieldDrop;

  @Option(names = "--min-new-class-images", defaultValue = "20",
      description = "Evaluation images a class new to the challenger needs (default: ${DEFAULT-VALUE}).")
  int minNewClassImages;

  @Mixin
  HeadTrainingOptions training;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String run = runId != null ? runId : "challenge-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC).format(Instant.now());
    Path championDir = champion != null ? champion : ReleaseFiles.current(models);
    List<LabSampleFile> samples = labSamples == null ? List.of()
        : DatasetScanner.scan(labSamples).stream().map(ChallengeCommand::sample).toList();
    PrintWriter err = spec.commandLine().getErr();
    ChallengerRequest request = new ChallengerRequest(run, releaseId != null ? releaseId : run, dataset, background,
        samples, championDir, work, training.cacheDir(), seed, heldBack, training.head(seed),
        training.augmentations, training.maxLostCorrect,
        new PromotionPolicy(maxRecallDrop, minNewClassImages, classRegressionAlpha, cleanMargin, minFieldGain,
            maxFieldDrop),
        progress -> {
          err.printf(Locale.ROOT, "[%3.0f %%] %s: %s%n", progress.fraction() * 100, progress.phase(),
              progress.detail());
          err.flush();
        }, training.fieldViews, training.fieldViewPhotosPerClass, challenger, training.backbone);
    RunOutcome outcome = ChallengerRun.run(request);

    PrintWriter out = spec.commandLine().getOut();
    out.println(outcome.decision().promote() ? "decision: promote the challenger" : "decision: keep the champion");
    outcome.decision().reasons().forEach(reason -> out.println("  - " + reason));
    out.printf(Locale.ROOT, "top-1 on %d leaf images: champion %.4f, challenger %.4f%n",
        outcome.comparison().images(), outcome.comparison().championTop1(), outcome.comparison().challengerTop1());
    out.println("class,images,champion_recall,challenger_recall,champion_only,challenger_only");
    for (ClassComparison c : outcome.comparison().classes()) {
      out.printf(Locale.ROOT, "%s,%d,%s,%.4f,%d,%d%n", c.label(), c.images(),
          Double.isNaN(c.championRecall()) ? "new" : String.format(Locale.ROOT, "%.4f", c.championRecall()),
          c.challengerRecall(), c.championOnly(), c.challengerOnly());
    }
    out.println("challenger release written to " + outcome.challengerDir());
    out.println("reports written to " + outcome.reportDir());
    out.flush();
    return 0;
  }

  /** A lab sample from a class folder: its id is the path under the lab-samples folder. */
  private static LabSampleFile sample(LabelledImage image) {
    return new LabSampleFile(image.label() + "/" + image.path().getFileName(), image.label(), image.sha256(),
        image.path());
  }
}
