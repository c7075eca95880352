package io.plantspy.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.fit.HeadKind;
import io.plantspy.trainer.fit.HeadSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trainer's command line run in-process, as {@code ./plantspy train|evaluate|classify} runs it, on a small
 * generated dataset: one release is trained once, then evaluated and used to classify.
 */
class TrainerCliTest {

  private static final String HEALTHY = "Testleaf___healthy";
  private static final String RUST = "Testleaf___Rust";
  private static final String BACKGROUND = "Not_a_leaf";

  @TempDir
  static Path work;

  private static Path dataset;
  private static Path background;
  private static Path models;
  private static Run training;

  private record Run(int exitCode, String out, String err) {

    /** The {@code name,value} lines after the {@code metric,value} header. */
    Map<String, Double> metrics() {
      Map<String, Double> metrics = new LinkedHashMap<>();
      List<String> lines = out.lines().toList();
      for (String line : lines.subList(lines.indexOf("metric,value") + 1, lines.size())) {
        String[] cells = line.split(",");
        if (cells.length == 2 && cells[1].matches("-?[0-9.]+")) {
          metrics.put(cells[0], Double.parseDouble(cells[1]));
        }
      }
      return metrics;
    }
  }

  @BeforeAll
  static void trainOnAGeneratedDataset() throws IOException {
    dataset = work.resolve("dataset");
    background = work.resolve("background");
    models = work.resolve("models");
    SyntheticDataset.leaves(dataset.resolve(HEALTHY), 15, false, 1);
    SyntheticDataset.leaves(dataset.resolve(RUST), 15, true, 2);
    SyntheticDataset.scenes(background.resolve(BACKGROUND), 15);
    training = run("train", "--dataset", dataset.toString(), "--background", background.toString(),
        "--models", models.toString(), "--release-id", "cli-r1", "--seed", "42", "--epochs", "5",
        "--augment", "NONE", "--max-lost-correct", "0.1", "--cache", work.resolve("cache").toString(), "--promote");
  }

  @Test
  void trainWritesAPromotedReleaseAndPrintsItsTestMetrics() throws IOException {
    assertThat(training.exitCode()).as(training.err()).isZero();
    Path release = models.resolve("releases/cli-r1");
    ReleaseManifest manifest = ReleaseFiles.readManifest(release);
    assertThat(manifest.labels()).containsExactlyInAnyOrder(HEALTHY, RUST, BACKGROUND);
    assertThat(release.resolve("head.onnx")).isRegularFile();
    assertThat(release.resolve("evaluation/metrics.csv")).isRegularFile();
    assertThat(ReleaseFiles.current(models)).isEqualTo(release);

    Map<String, Double> printed = training.metrics();
    assertThat(printed.get("top1_accuracy")).isBetween(0.75, 1.0);
    assertThat(printed.get("onnx_matches_trainer")).isEqualTo(1.0);
    assertThat(printed.get("threshold")).isBetween(0.0, 1.0);
    assertThat(printed.get("max_class_distance"))
        .isCloseTo(manifest.thresholds().maxClassDistance(), within(1e-3));
    assertThat(printed.get("top1_accuracy"))
        .as("printed metrics are the recorded ones").isCloseTo(manifest.metrics().get("top1_accuracy"), within(1e-4));
    assertThat(training.out()).contains("release written to " + release);
  }

  @Test
  void theModelCardsReproduceLineGivesTheSameTrainingOptions() throws IOException {
    assertThat(training.exitCode()).as(training.err()).isZero();
    String line = Files.readAllLines(models.resolve("releases/cli-r1/MODEL_CARD.md")).stream()
        .filter(l -> l.startsWith("./plantspy train ")).findFirst().orElseThrow();

    CommandLine.ParseResult parsed = TrainerCli.commandLine()
        .parseArgs(line.substring("./plantspy ".length()).split(" "));
    TrainCommand reproduced = (TrainCommand) parsed.subcommand().commandSpec().userObject();

    assertThat(reproduced.releaseId).isEqualTo("cli-r1");
    assertThat(reproduced.seed).isEqualTo(42);
    HeadSettings head = reproduced.training.head(42);
    assertThat(List.of(head.kind(), head.epochs(), head.learningRate(), head.minibatch()))
        .containsExactly(HeadKind.LOGISTIC, 5, 0.1, 16);
    assertThat(reproduced.training.augmentations).containsExactly(Augmentation.NONE);
    assertThat(reproduced.training.maxLostCorrect).isEqualTo(0.1);
    assertThat(reproduced.training.backbone).isEqualTo(BackboneGraph.TAPS);
    assertThat(reproduced.training.fieldViews).isEmpty();
  }

  @Test
  void evaluateRescoresTheReleaseToTheMetricsTrainingRecorded() throws IOException {
    Path release = models.resolve("releases/cli-r1");
    Path reports = work.resolve("reports");
    // A cache of its own: the test split goes through decoding and the backbone again.
    Run evaluation = run("evaluate", "--release", release.toString(), "--dataset", dataset.toString(),
        "--background", background.toString(), "--out", reports.toString(),
        "--cache", work.resolve("evaluation-cache").toString());

    assertThat(evaluation.exitCode()).as(evaluation.err()).isZero();
    ReleaseManifest manifest = ReleaseFiles.readManifest(release);
    Map<String, Double> recorded = new java.util.HashMap<>(manifest.metrics());
    // The open-set rule the figures were computed with is printed with them.
    recorded.put("threshold", manifest.thresholds().minConfidence());
    recorded.put("max_class_distance", manifest.thresholds().maxClassDistance());
    Map<String, Double> printed = evaluation.metrics();
    assertThat(printed).containsKeys("top1_accuracy", "category_accuracy", "background_answered_unknown",
        "threshold", "max_class_distance");
    printed.forEach((name, value) -> assertThat(value).as(name).isCloseTo(recorded.get(name), within(1e-3)));
    assertThat(reports.resolve("metrics.csv")).isRegularFile();
    assertThat(reports.resolve("confusion-matrix.png")).isRegularFile();
  }

  @Test
  void evaluateWithFieldConditionsReportsEveryConditionAndUpdatesTheModelCard() throws IOException {
    Path release = work.resolve("field-release");
    // A copy, since the model card is rewritten and the other tests read the original.
    Path original = models.resolve("releases/cli-r1");
    try (var files = Files.walk(original)) {
      for (Path file : files.toList()) {
        Files.copy(file, release.resolve(original.relativize(file).toString()));
      }
    }
    Path reports = work.resolve("field-reports");
    Run evaluation = run("evaluate", "--release", release.toString(), "--dataset", dataset.toString(),
        "--background", background.toString(), "--out", reports.toString(), "--field-conditions",
        "--field-per-class", "2", "--field-severities", "2", "--update-model-card",
        "--cache", work.resolve("field-cache").toString());

    assertThat(evaluation.exitCode()).as(evaluation.err()).isZero();
    List<String> rows = Files.readAllLines(reports.resolve("field-conditions.csv"));
    // Header, clean, each condition at severity 2, each condition's mean, the field mean.
    int conditions = io.plantspy.trainer.field.FieldCondition.values().length;
    assertThat(rows).hasSize(1 + 1 + 2 * conditions + 1);
    assertThat(rows.get(1)).startsWith("clean,,4,");
    assertThat(rows).anyMatch(row -> row.startsWith("composite,2,4,"));
    assertThat(evaluation.out()).contains("**field-conditions mean**");
    String card = Files.readString(release.resolve("MODEL_CARD.md"));
    assertThat(card).contains("## Field conditions").contains("| field_mix |").contains("## Where it fails");
    // Every thumbnail the card links is there.
    java.util.regex.Matcher links = java.util.regex.Pattern.compile("\\]\\((evaluation/field-failures/[^)]+)\\)")
        .matcher(card);
    while (links.find()) {
      assertThat(release.resolve(links.group(1))).isRegularFile();
    }
  }

  @Test
  void evaluateWithTestTimeViewsScoresEachSuitePhotoAlsoInTheMirrorAndRefusesToWriteThemIntoTheCard()
      throws IOException {
    Path cache = work.resolve("tta-cache");
    Run plain = run("evaluate", "--release", models.resolve("releases/cli-r1").toString(), "--dataset",
        dataset.toString(), "--background", background.toString(), "--field-conditions", "--field-per-class", "2",
        "--field-severities", "2", "--cache", cache.toString());
    Run mirrored = run("evaluate", "--release", models.resolve("releases/cli-r1").toString(), "--dataset",
        dataset.toString(), "--background", background.toString(), "--field-conditions", "--field-per-class", "2",
        "--field-severities", "2", "--tta", "FLIP_HORIZONTAL", "--cache", cache.toString());

    assertThat(mirrored.exitCode()).as(mirrored.err()).isZero();
    assertThat(mirrored.out()).contains("**field-conditions mean**")
        .contains("Test-time views averaged with each photo: [FLIP_HORIZONTAL]");
    assertThat(plain.out()).doesNotContain("Test-time views");
    // Every condition's variants were embedded once more, mirrored, and cached apart from the variants themselves.
    try (var files = Files.walk(cache)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains("-s2-flip_horizontal")).count())
          .isEqualTo(io.plantspy.trainer.field.FieldCondition.values().length);
    }

    Run refused = run("evaluate", "--release", models.resolve("releases/cli-r1").toString(), "--dataset",
        dataset.toString(), "--background", background.toString(), "--field-conditions", "--field-per-class", "2",
        "--field-severities", "2", "--tta", "FLIP_HORIZONTAL", "--update-model-card", "--cache", cache.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("--tta measures what serving does not do");
  }

  @Test
  void challengeRunsTheLearningLoopFromFoldersAndPrintsTheDecision() throws IOException {
    Path lab = work.resolve("lab-samples");
    SyntheticDataset.leaves(lab.resolve(RUST), 10, true, 7);
    Path runs = work.resolve("runs");
    Run challenge = run("challenge", "--dataset", dataset.toString(), "--background", background.toString(),
        "--lab-samples", lab.toString(), "--champion", models.resolve("releases/cli-r1").toString(),
        "--work", runs.toString(), "--run-id", "cli-run", "--seed", "42", "--epochs", "5", "--augment", "NONE",
        "--held-back", "0.3", "--max-lost-correct", "0.1", "--class-regression-alpha", "1",
        "--cache", work.resolve("cache").toString());

    assertThat(challenge.exitCode()).as(challenge.err()).isZero();
    assertThat(challenge.out()).containsPattern("decision: (promote the challenger|keep the champion)")
        .contains("class,images,champion_recall,challenger_recall,champion_only,challenger_only")
        .contains(RUST + ",")
        .contains("challenger release written to " + runs.resolve("cli-run/cli-run"));
    assertThat(challenge.err()).contains("preparing:").contains("training:").contains("deciding:");
    assertThat(ReleaseFiles.readManifest(runs.resolve("cli-run/cli-run")).training())
        .containsEntry("lab_samples_trained", "7").containsEntry("lab_samples_held_back", "3");
    assertThat(runs.resolve("cli-run/decision.md")).isRegularFile();
    assertThat(Files.readString(runs.resolve("cli-run/decision.json"))).contains("\"classRegressionAlpha\" : 1.0");
    assertThat(runs.resolve("cli-run/champion-predictions.csv")).isRegularFile();
  }

  @Test
  void classifyAnswersEveryImageOfAFolderAsJson() throws IOException {
    Path images = work.resolve("to-classify");
    SyntheticDataset.leaves(images, 2, true, 2); // the first two training images of the rust class
    Run classification = run("classify", "--models", models.toString(), "--json", images.toString());

    assertThat(classification.exitCode()).as(classification.err()).isZero();
    List<String> lines = classification.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonMapper json = JsonMapper.builder().build();
    for (String line : lines) {
      JsonNode answer = json.readTree(line);
      assertThat(answer.path("modelRelease").asString()).isEqualTo("cli-r1");
      assertThat(answer.path("class").asString()).isEqualTo(RUST);
      assertThat(answer.path("top3")).hasSize(3);
      assertThat(answer.path("top3").get(0).path("confidence").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void classifyReportsAFileThatIsNotAnImageAndExitsNonZero() throws IOException {
    Path notAnImage = Files.writeString(work.resolve("notes.jpg"), "not a photo");
    Run classification = run("classify", "--release", models.resolve("releases/cli-r1").toString(),
        notAnImage.toString());

    assertThat(classification.exitCode()).isEqualTo(1);
    assertThat(classification.out()).startsWith(notAnImage + ": error: ");
  }

  @Test
  void trainWithoutADatasetIsAUsageError() {
    Run run = run("train", "--release-id", "x");

    assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(run.err()).contains("Missing required option: '--dataset=<dataset>'");
  }

  @Test
  void trainOnAMissingFolderSaysWhichOneInOneLine() {
    Path missing = work.resolve("no-such-dataset");
    Run run = run("train", "--dataset", missing.toString(), "--release-id", "x", "--models", models.toString());

    assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
    assertThat(run.err().strip()).isEqualTo("error: dataset folder " + missing + " does not exist");
  }

  @Test
  void evaluateOfAFolderThatIsNoReleaseSaysSo() {
    Run run = run("evaluate", "--release", dataset.toString(), "--dataset", dataset.toString());

    assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
    assertThat(run.err()).contains("not a model release folder").doesNotContain("\tat ");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = TrainerCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
