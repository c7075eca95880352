package io.plantspy.trainer.fit;

import io.plantspy.trainer.eval.ScoredImage;
import java.util.List;
import java.util.Map;

/**
 * Fraction of images on which the trainer's own head (Tribuo or the MLP's Java forward pass, double precision)
 * and the exported ONNX head run by ONNX Runtime (float) pick the same class. A release requires 1.0.
 */
final class HeadOnnxParity {

  private HeadOnnxParity() {}

  static double agreement(TrainedHead head, Standardizer standardizer, List<ScoredImage> onnxScores,
      Map<String, float[]> features) {
    int same = 0;
    for (ScoredImage scored : onnxScores) {
      double[] java = head.probabilities(standardizer.apply(features.get(scored.image().sha256())));
      same += argmax(java) == argmax(scored.probabilities()) ? 1 : 0;
    }
    return onnxScores.isEmpty() ? 1 : (double) same / onnxScores.size();
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    return best;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    return best;
  }
}
