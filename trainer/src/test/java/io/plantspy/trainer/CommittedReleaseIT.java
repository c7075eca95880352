package io.plantspy.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.Embedder;
import io.plantspy.trainer.embed.EmbeddingCache;
import io.plantspy.trainer.eval.ReleaseEvaluator;
import io.plantspy.trainer.eval.ScoredImage;
import io.plantspy.trainer.fit.TestPredictions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed release (models/CURRENT) re-scored on the dataset's test split through the serving classes:
 * its recorded metrics and per-image answers must be exactly what the model gives, and meet the targets; and
 * ONNX Runtime's answers must be those of the head's own arithmetic (the release's onnx_matches_trainer).
 */
class CommittedReleaseIT {

  private static Path releaseDir;
  private static Path cacheDir;
  private static ReleaseEvaluator.Result result;

  @BeforeAll
  static void evaluateCommittedRelease(@TempDir Path emptyCache) throws Exception {
    releaseDir = ReleaseFiles.current(TestData.models());
    cacheDir = emptyCache;
    // An empty cache: every test image goes through decoding, preprocessing and the backbone again.
    result = ReleaseEvaluator.evaluate(releaseDir, TestData.dataset(), TestData.background(), emptyCache);
  }

  @Test
  void committedMetricsAreWhatTheModelGivesOnTheTestSplit() {
    Map<String, Double> committed = result.manifest().metrics();
    result.evaluation().metrics().forEach((name, value) ->
        assertThat(value).as(name).isCloseTo(committed.get(name), within(1e-9)));
  }

  @Test
  void everyTestImageGetsTheCommittedAnswer() throws Exception {
    Map<String, TestPredictions.Row> committed =
        TestPredictions.read(releaseDir.resolve("evaluation/test-predictions.csv"));
    OpenSetRule rule = new OpenSetRule(result.manifest().labels(), result.manifest().backgroundLabel(),
        result.manifest().thresholds());
    assertThat(result.scores()).hasSize(committed.size());
    for (ScoredImage scored : result.scores()) {
      TestPredictions.Row row = committed.get(scored.image().sha256());
      ClassifierAnswer diagnosis = rule.decide(scored.probabilities(), scored.distances());
      assertThat(diagnosis.predictedClass()).as(scored.image().path().toString()).isEqualTo(row.predicted());
      assertThat(diagnosis.unknown()).as(scored.image().path().toString()).isEqualTo(row.unknown());
    }
  }

  @Test
  void releaseMeetsItsTargets() {
    Map<String, Double> metrics = result.evaluation().metrics();
    assertThat(metrics.get("top1_accuracy")).isGreaterThanOrEqualTo(0.95);
    assertThat(metrics.get("category_accuracy")).isGreaterThanOrEqualTo(0.98);
    assertThat(metrics.get("health_accuracy")).isGreaterThanOrEqualTo(0.98);
    assertThat(metrics.get("background_answered_unknown")).isGreaterThanOrEqualTo(0.90);
    assertThat(metrics.get("correct_answers_lost_to_unknown")).isLessThanOrEqualTo(0.03);
  }

  @Test
  void onnxRuntimePicksTheClassTheHeadsWeightsGiveInDoublePrecision() throws Exception {
    ReleaseManifest manifest = result.manifest();
    HeadInDoublePrecision head = HeadInDoublePrecision.read(releaseDir.resolve(manifest.headFile()));
    int same = 0;
    // The test split's features, as the evaluation above embedded them.
    try (EmbeddingCache features = EmbeddingCache.open(cacheDir, manifest.backboneSha256(),
        Embedder.PREPROCESSING_VERSION, Augmentation.NONE, manifest.backboneGraph().featureDim())) {
      for (ScoredImage scored : result.scores()) {
        float[] vector = features.get(scored.image().sha256());
        assertThat(vector).as(scored.image().path().toString()).isNotNull();
        same += head.bestClass(vector) == argmax(scored.probabilities()) ? 1 : 0;
      }
    }
    double onnxMatchesTrainer = (double) same / result.scores().size();
    assertThat(onnxMatchesTrainer).as("onnx_matches_trainer, measured").isEqualTo(1.0);
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
