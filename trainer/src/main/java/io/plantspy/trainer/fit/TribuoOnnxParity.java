package io.plantspy.trainer.fit;

import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.trainer.eval.ScoredImage;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Fraction of images on which the trainer's own model (Tribuo, double precision) and the exported ONNX head
 * run by ONNX Runtime (float) pick the same class. A release requires 1.0.
 */
final class TribuoOnnxParity {

  private TribuoOnnxParity() {}

  static double agreement(Model<Label> model, Standardizer standardizer, List<String> labels,
      List<ScoredImage> onnxScores,
      Map<String, float[]> features) {
    String[] names = FeatureVectors.names(BackboneFiles.FEATURE_DIM);
    int same = 0;
    for (ScoredImage scored : onnxScores) {
      float[] vector = features.get(scored.image().sha256());
      Prediction<Label> prediction = model.predict(FeatureVectors.example(scored.image().label(), names,
          standardizer.apply(vector)));
      int onnxBest = 0;
      for (int i = 1; i < scored.probabilities().length; i++) {
        if (scored.probabilities()[i] > scored.probabilities()[onnxBest]) {
          onnxBest = i;
        }
      }
      same += prediction.getOutput().getLabel().equals(labels.get(onnxBest)) ? 1 : 0;
    }
    return onnxScores.isEmpty() ? 1 : (double) same / onnxScores.size();
  }
}
