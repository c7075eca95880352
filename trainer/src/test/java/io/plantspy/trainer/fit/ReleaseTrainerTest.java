package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.Sha256;
import io.plantspy.trainer.SyntheticDataset;
import io.plantspy.trainer.TestTraining;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.field.FieldView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a release end to end on a small generated dataset and serves it with the production classifier. */
class ReleaseTrainerTest {

  @TempDir
  Path work;

  @Test
  void trainsAReleaseThatTheClassifierServes() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.healthyAndRustyLeavesAndScenes(dataset, background, 20);
    Path releaseDir = work.resolve("models/releases/r1");

    TrainingRequest request = TestTraining.on(dataset, releaseDir).background(background).releaseId("r1")
        .augmentations(Augmentation.NONE, Augmentation.FLIP_HORIZONTAL).cache(work.resolve("cache")).request();
    ReleaseTrainer.Outcome outcome = new ReleaseTrainer(request).run();

    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    assertThat(manifest.labels()).containsExactlyInAnyOrder("Testleaf___healthy", "Testleaf___Rust", "Not_a_leaf");
    assertThat(manifest.backgroundLabel()).isEqualTo("Not_a_leaf");
    assertThat(manifest.metrics().get("onnx_matches_trainer")).isEqualTo(1.0);
    assertThat(manifest.classDistances().file()).isEqualTo("class-distances.onnx");
    assertThat(manifest.thresholds().usesClassDistance()).isTrue();
    assertThat(outcome.test().metrics().get("top1_accuracy")).isGreaterThanOrEqualTo(0.75);
    for (String file : List.of("head.onnx", "class-distances.onnx", "MODEL_CARD.md", "evaluation/metrics.csv", "evaluation/per-class.csv",
        "evaluation/metrics.md", "evaluation/confusion-matrix.png", "evaluation/test-predictions.csv")) {
      assertThat(releaseDir.resolve(file)).as(file).isRegularFile();
    }

    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(1))) {
      ClassifierAnswer diagnosis = classifier.diagnose(firstRustyPhoto(dataset), 1).get(0);
      assertThat(diagnosis.top3().get(0).label()).isEqualTo("Testleaf___Rust");
    }
  }

  @Test
  void trainsAnMlpHeadReleaseThatTheClassifierServes() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.healthyAndRustyLeavesAndScenes(dataset, background, 20);
    Path releaseDir = work.resolve("models/releases/mlp");

    ReleaseTrainer.Outcome outcome = new ReleaseTrainer(TestTraining.on(dataset, releaseDir).background(background)
        .releaseId("mlp").mlp(16).cache(work.resolve("cache")).request()).run();

    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    assertThat(manifest.training().get("head")).contains("MLP");
    assertThat(TrainingRecipe.from(manifest.training()).orElseThrow().kind()).isEqualTo(HeadKind.MLP);
    assertThat(manifest.metrics().get("onnx_matches_trainer")).isEqualTo(1.0);
    assertThat(outcome.test().metrics().get("top1_accuracy")).isGreaterThanOrEqualTo(0.75);
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(1))) {
      ClassifierAnswer diagnosis = classifier.diagnose(firstRustyPhoto(dataset), 1).get(0);
      assertThat(diagnosis.top3().get(0).label()).isEqualTo("Testleaf___Rust");
    }
  }

  @Test
  void aReleaseTrainedOnTheTapsAndWholeNetworkFeaturesIsServedWithThatGraph() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.healthyAndRustyLeavesAndScenes(dataset, background, 20);
    Path releaseDir = work.resolve("models/releases/both");

    ReleaseTrainer.Outcome outcome = new ReleaseTrainer(TestTraining.on(dataset, releaseDir).background(background)
        .releaseId("both").mlp(16).backbone(BackboneGraph.TAPS_AND_WHOLE).cache(work.resolve("cache")).request())
        .run();

    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    assertThat(manifest.backboneGraph()).isEqualTo(BackboneGraph.TAPS_AND_WHOLE);
    assertThat(manifest.backboneSha256()).isEqualTo(Sha256.hex(BackboneGraph.TAPS_AND_WHOLE.load()));
    assertThat(manifest.metrics().get("onnx_matches_trainer")).isEqualTo(1.0);
    assertThat(outcome.test().metrics().get("top1_accuracy")).isGreaterThanOrEqualTo(0.75);
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(1))) {
      float[] pixels = firstRustyPhoto(dataset);
      assertThat(classifier.features(pixels, 1)[0]).hasSize(BackboneGraph.TAPS_AND_WHOLE.featureDim());
      assertThat(classifier.diagnose(pixels, 1).get(0).top3().get(0).label()).isEqualTo("Testleaf___Rust");
    }
  }

  /** The first rusty leaf photo by file name, preprocessed as serving does. */
  private static float[] firstRustyPhoto(Path dataset) throws Exception {
    try (var files = Files.list(dataset.resolve("Testleaf___Rust"))) {
      byte[] rusty = Files.readAllBytes(files.sorted().findFirst().orElseThrow());
      return new LeafImagePreprocessor(ImageLimits.defaults()).preprocess(rusty);
    }
  }

  @Test
  void fieldViewsAddTrainingExamplesAndAreRecordedInTheRelease() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.leaves(dataset.resolve("Testleaf___healthy"), 10, false, 5);
    SyntheticDataset.leaves(dataset.resolve("Testleaf___Rust"), 10, true, 6);
    SyntheticDataset.scenes(background.resolve("Not_a_leaf"), 10);
    Path plainDir = work.resolve("plain");
    Path fieldDir = work.resolve("field");
    new ReleaseTrainer(TestTraining.on(dataset, plainDir).background(background).seed(7).cache(work.resolve("cache"))
        .request()).run();
    new ReleaseTrainer(TestTraining.on(dataset, fieldDir).background(background).seed(7).cache(work.resolve("cache"))
        .fieldViews(FieldView.parse("FIELD_MIX:2")).request()).run();

    ReleaseManifest field = ReleaseFiles.readManifest(fieldDir);
    assertThat(field.training().get("field_views")).startsWith("[FIELD_MIX:2]");
    assertThat(TrainingRecipe.from(field.training()).orElseThrow().fieldViews())
        .containsExactly(FieldView.parse("FIELD_MIX:2"));
    assertThat(Files.readString(fieldDir.resolve("MODEL_CARD.md"))).contains("Field views");
    // The same seed and split with one more view per photo trains another head.
    assertThat(field.headSha256()).isNotEqualTo(ReleaseFiles.readManifest(plainDir).headSha256());
  }

  @Test
  void reTrainingWithTheSameSeedGivesTheSameHead() throws Exception {
    Path dataset = work.resolve("dataset");
    SyntheticDataset.leaves(dataset.resolve("Testleaf___healthy"), 10, false, 3);
    SyntheticDataset.leaves(dataset.resolve("Testleaf___Rust"), 10, true, 4);
    String[] heads = new String[2];
    for (int run = 0; run < 2; run++) {
      Path releaseDir = work.resolve("run" + run);
      new ReleaseTrainer(TestTraining.on(dataset, releaseDir).seed(7).head(5, 0.1, 4).cache(work.resolve("cache"))
          .request()).run();
      heads[run] = ReleaseFiles.readManifest(releaseDir).headSha256();
    }
    assertThat(heads[1]).isEqualTo(heads[0]);
  }
}
