package io.plantspy.trainer;

import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.data.TrainingData;
import io.plantspy.trainer.field.LeafScorerTrainer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainer leaf-scorer}: trains the per-position leaf scorer that the {@code TAPS_AND_LEAF} backbone graph
 * weighs its leaf means with, and writes it where the build reads it (the backbone converter's resources); the
 * next build converts the graph with it. Prints how it does on the test split's composites.
 */
@Command(name = "leaf-scorer", mixinStandardHelpOptions = true,
    description = "Train the leaf scorer of the TAPS_AND_LEAF backbone graph (rebuild the model module after).")
final class LeafScorerCommand implements Callable<Integer> {

  @Option(names = "--dataset", required = true, description = "Leaf photos, one folder per class.")
  Path dataset;

  @Option(names = "--background", required = true, description = "Non-leaf photos (one class folder): the scenes.")
  Path background;

  @Option(names = "--seed", defaultValue = "20261127", description = "Split and sampling seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--photos-per-class", defaultValue = "40",
      description = "Training photos per class composited on a scene, each also used plain (default: ${DEFAULT-VALUE}).")
  int photosPerClass;

  @Option(names = "--positions", defaultValue = "16",
      description = "At most this many leaf and this many scene positions per picture (default: ${DEFAULT-VALUE}).")
  int positions;

  @Option(names = "--evaluation-photos", defaultValue = "10",
      description = "Test photos per class composited to score the scorer (default: ${DEFAULT-VALUE}).")
  int evaluationPhotos;

  @Option(names = "--epochs", defaultValue = "5", description = "Logistic regression epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--out", defaultValue = "${sys:plantspy.home:-.}/backbone-converter/src/main/resources/io/plantspy/"
      + "converter/leaf-scorer.txt", description = "Where to write the scorer (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    TrainingData data = TrainingData.load(dataset, background, seed);
    LeafScorerTrainer.Settings settings =
        new LeafScorerTrainer.Settings(photosPerClass, positions, evaluationPhotos, epochs, seed);
    LeafScorerTrainer.LeafScorer scorer = new LeafScorerTrainer(settings).train(data, InferenceOptions.cpu(2));
    LeafScorerTrainer.Score test = scorer.test();
    String summary = String.format(Locale.ROOT, "test split composites: leaf positions %.1f %% right (%d), scene"
        + " positions %.1f %% right (%d)", 100 * test.leafRecall(), test.leafPositions(), 100 * test.sceneRecall(),
        test.scenePositions());
    StringBuilder text = new StringBuilder()
        .append("# Leaf scorer of the TAPS_AND_LEAF backbone graph: sigmoid(bias + w . x) over block 13's 816 expansion\n")
        .append("# values at a position. Bias first, then one weight per channel. Written by trainer leaf-scorer on ")
        .append(LocalDate.now(ZoneOffset.UTC)).append(":\n")
        .append(String.format(Locale.ROOT, "#   --seed %d --photos-per-class %d --positions %d --evaluation-photos %d"
            + " --epochs %d%n", seed, photosPerClass, positions, evaluationPhotos, epochs))
        .append(String.format(Locale.ROOT, "# %d training positions; %s.%n", scorer.trainingPositions(), summary))
        .append(String.format(Locale.ROOT, "%.8g%n", scorer.bias()));
    float[] weights = scorer.weights();
    for (int i = 0; i < weights.length; i++) {
      text.append(String.format(Locale.ROOT, "%.8g", weights[i])).append(i % 8 == 7 ? "\n" : " ");
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    console.printf("leaf scorer written to %s (%d training positions)%n%s%n", out, scorer.trainingPositions(), summary);
    return 0;
  }
}
