package io.plantspy.trainer.eval;

import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.TrainingData;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.embed.Embedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-scores a release folder on the test split of a dataset through the serving classes (shared
 * preprocessing, the built backbone checked against the release's sha256, the ONNX head, the open-set
 * rule), to show that the metrics a release claims are the ones the model gives.
 */
public final class ReleaseEvaluator {

  /** The re-computed evaluation and each test image's scores. */
  public record Result(ReleaseManifest manifest, Evaluation evaluation, List<ScoredImage> scores) {}

  private ReleaseEvaluator() {}

  public static Result evaluate(Path releaseDir, Path datasetDir, Path backgroundDir, Path cacheDir)
      throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    long seed = Long.parseLong(manifest.training().get("seed"));
    TrainingData data = TrainingData.load(datasetDir, manifest.backgroundLabel() == null ? null : backgroundDir, seed);
    List<LabelledImage> test = data.split(Split.TEST);
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(2));
        Backbone backbone = Backbone.load(manifest.backboneGraph(), InferenceOptions.cpu(2))) {
      Map<String, float[]> features = new Embedder(backbone, cacheDir).embed(test, Augmentation.NONE);
      List<ScoredImage> scores = new ArrayList<>();
      for (LabelledImage image : test) {
        float[] vector = features.get(image.sha256());
        if (vector != null) {
          float[][] distances = classifier.distances(new float[][] {vector});
          scores.add(new ScoredImage(image, classifier.probabilities(new float[][] {vector})[0],
              distances == null ? null : distances[0]));
        }
      }
      Evaluation evaluation = new Evaluation(manifest.labels(), manifest.backgroundLabel(),
          new io.plantspy.model.release.OpenSetRule(manifest.labels(), manifest.backgroundLabel(),
              manifest.thresholds()), scores);
      return new Result(manifest, evaluation, scores);
    }
  }
}
