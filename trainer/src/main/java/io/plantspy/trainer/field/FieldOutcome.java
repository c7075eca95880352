package io.plantspy.trainer.field;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.trainer.eval.ScoredImage;
import java.util.List;

/**
 * How a release did on one set of leaf photos (one condition at one severity, or the clean photos): top-1 of the
 * most probable class, and the served answers split three ways — right, wrong, or {@code unknown}.
 */
public record FieldOutcome(int images, double top1, double answeredRight, double answeredWrong, double unknown) {

  /** Scores leaf photos only (no background label among them) with the serving rule. */
  public static FieldOutcome of(List<ScoredImage> scored, OpenSetRule rule) {
    int top1 = 0;
    int right = 0;
    int wrong = 0;
    int unknown = 0;
    for (ScoredImage image : scored) {
      ClassifierAnswer answer = rule.decide(image.probabilities(), image.distances());
      boolean correct = answer.predictedClass().equals(image.image().label());
      top1 += correct ? 1 : 0;
      if (answer.unknown()) {
        unknown++;
      } else if (correct) {
        right++;
      } else {
        wrong++;
      }
    }
    double n = Math.max(1, scored.size());
    return new FieldOutcome(scored.size(), top1 / n, right / n, wrong / n, unknown / n);
  }

  /** Share of the photos whose most probable class was right that the open-set rule turned {@code unknown}. */
  public double rightLostToUnknown() {
    return top1 == 0 ? 0 : (top1 - answeredRight) / top1;
  }
}
