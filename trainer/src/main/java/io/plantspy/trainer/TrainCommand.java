package io.plantspy.trainer;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.trainer.fit.ReleaseTrainer;
import io.plantspy.trainer.fit.TrainingRequest;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trainer train}: trains a release from a dataset folder and prints its test metrics. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model release from a dataset folder (one sub-folder per Crop___Disease class).")
final class TrainCommand implements Callable<Integer> {

  @Option(names = "--dataset", required = true, description = "Leaf images, one folder per class.")
  Path dataset;

  @Option(names = "--background", description = "Non-leaf photos (one class folder), answered as unknown.")
  Path background;

  @Option(names = "--models", defaultValue = "${sys:plantspy.home:-.}/models",
      description = "Models folder (default: ${DEFAULT-VALUE}).")
  Path models;

  @Option(names = "--release-id", required = true, description = "Name of the release folder to write.")
  String releaseId;

  @Option(names = "--seed", defaultValue = "20261127", description = "Split and training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--hold-out", split = ",", defaultValue = "",
      description = "Classes to leave out of an extra open-set experiment reported in the model card.")
  List<String> holdOut;

  @Option(names = "--promote", description = "Make this release the one served by default (models/CURRENT).")
  boolean promote;

  @Mixin
  HeadTrainingOptions training;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> holdOutClasses = holdOut.stream().filter(s -> !s.isBlank()).toList();
    Path releaseDir = models.resolve("releases").resolve(releaseId);
    TrainingRequest request = new TrainingRequest(dataset, background, releaseDir, releaseId, seed,
        training.head(seed), training.augmentations, training.cacheDir(), holdOutClasses, training.maxLostCorrect, training.fieldViews,
        training.fieldViewPhotosPerClass, training.backbone);
    ReleaseTrainer.Outcome outcome = new ReleaseTrainer(request).run();
    out().println("metric,value");
    outcome.manifest().metrics().forEach((k, v) -> out().printf(Locale.ROOT, "%s,%.4f%n", k, v));
    outcome.holdOut().forEach((k, v) -> out().printf(Locale.ROOT, "%s,%.4f%n", k, v));
    out().printf(Locale.ROOT, "threshold,%.3f%n", outcome.manifest().thresholds().minConfidence());
    if (outcome.manifest().thresholds().usesClassDistance()) {
      out().printf(Locale.ROOT, "max_class_distance,%.3f%n", outcome.manifest().thresholds().maxClassDistance());
    }
    if (promote) {
      Files.writeString(models.resolve(ReleaseFiles.CURRENT), releaseId + "\n");
    }
    out().println("release written to " + releaseDir);
    out().flush();
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
