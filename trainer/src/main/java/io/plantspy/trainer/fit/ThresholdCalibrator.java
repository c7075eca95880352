package io.plantspy.trainer.fit;

import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.Thresholds;
import io.plantspy.trainer.eval.ScoredImage;
import java.util.List;

/**
 * Chooses the open-set confidence threshold on validation data: the highest threshold that turns at most
 * {@code maxLostCorrect} of the correct leaf answers into {@code unknown}. A higher threshold rejects more
 * unseen classes and non-leaves, so the budget on correct answers is what bounds it. The grid is 0.01 wide,
 * and 0.001 wide above 0.99, where a confident softmax head puts most of its answers.
 */
public final class ThresholdCalibrator {

  private ThresholdCalibrator() {}

  public static Thresholds calibrate(List<String> labels, String backgroundLabel, List<ScoredImage> validation,
      double maxLostCorrect) {
    double best = 0;
    for (int step = 10; step < 1000; step += step < 990 ? 10 : 1) {
      double threshold = step / 1000.0;
      if (lostCorrect(labels, backgroundLabel, validation, new Thresholds(threshold)) <= maxLostCorrect) {
        best = threshold;
      } else {
        break;
      }
    }
    return new Thresholds(best);
  }

  static double lostCorrect(List<String> labels, String backgroundLabel, List<ScoredImage> scored,
      Thresholds thresholds) {
    OpenSetRule rule = new OpenSetRule(labels, backgroundLabel, thresholds);
    int correct = 0;
    int lost = 0;
    for (ScoredImage image : scored) {
      if (image.image().label().equals(backgroundLabel)) {
        continue;
      }
      var diagnosis = rule.decide(image.probabilities());
      if (diagnosis.predictedClass().equals(image.image().label())) {
        correct++;
        lost += diagnosis.unknown() ? 1 : 0;
      }
    }
    return correct == 0 ? 0 : (double) lost / correct;
  }
}
