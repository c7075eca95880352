package io.plantspy.trainer.fit;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.Thresholds;
import io.plantspy.trainer.eval.ScoredImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the open-set thresholds on validation data so that at most {@code maxLostCorrect} of the correct leaf
 * answers become {@code unknown}: a stricter rule rejects more unseen classes and non-leaves, so that budget is
 * what bounds it.
 *
 * <p>Max-softmax alone (validation scored without class distances): the highest confidence threshold within the
 * budget, on a grid 0.01 wide, and 0.001 wide above 0.99, where a confident softmax head puts most of its
 * answers. With class distances: the confidence threshold gets {@value #SOFTMAX_SHARE} of the budget, and the
 * distance threshold is the lowest that keeps the two together within the whole budget.
 */
public final class ThresholdCalibrator {

  /** The share of the budget the confidence threshold may spend when a class distance takes the rest. */
  static final double SOFTMAX_SHARE = 0.5;

  private ThresholdCalibrator() {}

  public static Thresholds calibrate(List<String> labels, String backgroundLabel, List<ScoredImage> validation,
      double maxLostCorrect) {
    boolean withDistances = !validation.isEmpty() && validation.stream().allMatch(s -> s.distances() != null);
    if (!withDistances) {
      return new Thresholds(maxSoftmax(labels, backgroundLabel, validation, maxLostCorrect));
    }
    double minConfidence = maxSoftmax(labels, backgroundLabel, validation, maxLostCorrect * SOFTMAX_SHARE);
    return new Thresholds(minConfidence,
        maxClassDistance(labels, backgroundLabel, validation, minConfidence, maxLostCorrect));
  }

  /** The class-distance threshold alone (no confidence threshold), for comparing rules. */
  public static Thresholds classDistanceOnly(List<String> labels, String backgroundLabel,
      List<ScoredImage> validation, double maxLostCorrect) {
    return new Thresholds(0, maxClassDistance(labels, backgroundLabel, validation, 0, maxLostCorrect));
  }

  private static double maxSoftmax(List<String> labels, String backgroundLabel, List<ScoredImage> validation,
      double maxLostCorrect) {
    List<ScoredImage> probabilitiesOnly = validation.stream().map(ScoredImage::withoutDistances).toList();
    double best = 0;
    for (int step = 10; step < 1000; step += step < 990 ? 10 : 1) {
      double threshold = step / 1000.0;
      if (lostCorrect(labels, backgroundLabel, probabilitiesOnly, new Thresholds(threshold)) <= maxLostCorrect) {
        best = threshold;
      } else {
        break;
      }
    }
    return best;
  }

  /**
   * The lowest distance threshold that, with the confidence threshold, loses at most the budget: the correct
   * answers the confidence threshold keeps, ordered by their distance to their class, may lose as many of their
   * farthest as the budget has left.
   */
  private static double maxClassDistance(List<String> labels, String backgroundLabel, List<ScoredImage> validation,
      double minConfidence, double maxLostCorrect) {
    OpenSetRule softmaxRule = new OpenSetRule(labels, backgroundLabel, new Thresholds(minConfidence));
    int correct = 0;
    int lost = 0;
    List<Double> kept = new ArrayList<>();
    for (ScoredImage image : validation) {
      if (image.image().label().equals(backgroundLabel)) {
        continue;
      }
      ClassifierAnswer answer = softmaxRule.decide(image.probabilities());
      if (answer.predictedClass().equals(image.image().label())) {
        correct++;
        if (answer.unknown()) {
          lost++;
        } else {
          kept.add((double) image.distances()[labels.indexOf(answer.predictedClass())]);
        }
      }
    }
    if (kept.isEmpty()) {
      return 0;
    }
    kept.sort(java.util.Comparator.reverseOrder());
    // A small epsilon so that a budget of exactly n images (0.02 × 850 = 17.000000000000004) allows n.
    int allowed = (int) Math.floor(maxLostCorrect * correct + 1e-9) - lost;
    // Answers strictly farther than the threshold are rejected: the (allowed + 1)-th farthest is the threshold.
    return kept.get(Math.max(0, Math.min(allowed, kept.size() - 1)));
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
      ClassifierAnswer diagnosis = rule.decide(image.probabilities(), image.distances());
      if (diagnosis.predictedClass().equals(image.image().label())) {
        correct++;
        lost += diagnosis.unknown() ? 1 : 0;
      }
    }
    return correct == 0 ? 0 : (double) lost / correct;
  }
}
