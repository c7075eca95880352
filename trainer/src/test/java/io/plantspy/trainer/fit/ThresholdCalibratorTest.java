package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.Thresholds;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.eval.ScoredImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

  private static final List<String> LABELS = List.of("Apple___healthy", "Apple___Black_rot", "Background");

  /**
   * 100 correct apple answers, photo i at distance i from its class: photos 0 and 1 have confidence 0.50, photos
   * 2 and 3 0.60, the rest 0.955. The least confident are the nearest, so each threshold catches other photos.
   */
  private static List<ScoredImage> validation(boolean withDistances) {
    List<ScoredImage> scored = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      float confidence = i < 2 ? 0.5f : i < 4 ? 0.6f : 0.955f;
      float[] probabilities = {confidence, 1 - confidence - 0.001f, 0.001f};
      float[] distances = withDistances ? new float[] {i, 500, 500} : null;
      scored.add(new ScoredImage(image("Apple___healthy", i), probabilities, distances));
    }
    return scored;
  }

  @Test
  void maxSoftmaxAloneSpendsTheWholeBudgetOnConfidence() {
    Thresholds thresholds = ThresholdCalibrator.calibrate(LABELS, "Background", validation(false), 0.04);
    assertThat(thresholds.usesClassDistance()).isFalse();
    // Four of the hundred may be lost: the four below 0.95.
    assertThat(thresholds.minConfidence()).isEqualTo(0.95);
    assertThat(ThresholdCalibrator.lostCorrect(LABELS, "Background", validation(false), thresholds)).isEqualTo(0.04);
  }

  @Test
  void withDistancesConfidenceTakesHalfTheBudgetAndDistanceTheRest() {
    List<ScoredImage> validation = validation(true);
    Thresholds thresholds = ThresholdCalibrator.calibrate(LABELS, "Background", validation, 0.04);
    // Two may be lost on confidence: the two at 0.50 (0.61 would take the two at 0.60 as well).
    assertThat(thresholds.minConfidence()).isEqualTo(0.6);
    // The two farthest (distances 98, 99) are rejected, 97 is the last kept.
    assertThat(thresholds.maxClassDistance()).isEqualTo(97.0);
    assertThat(ThresholdCalibrator.lostCorrect(LABELS, "Background", validation, thresholds)).isEqualTo(0.04);

    OpenSetRule rule = new OpenSetRule(LABELS, "Background", thresholds);
    assertThat(rule.decide(new float[] {0.99f, 0.005f, 0.005f}, new float[] {150, 500, 500}).unknown()).isTrue();
    assertThat(rule.decide(new float[] {0.99f, 0.005f, 0.005f}, new float[] {50, 500, 500}).unknown()).isFalse();
  }

  @Test
  void classDistanceAloneLeavesConfidenceUnchecked() {
    Thresholds thresholds = ThresholdCalibrator.classDistanceOnly(LABELS, "Background", validation(true), 0.04);
    assertThat(thresholds.minConfidence()).isZero();
    assertThat(thresholds.maxClassDistance()).isEqualTo(95.0);
  }

  @Test
  void wrongAnswersAndBackgroundPhotosDoNotCountAgainstTheBudget() {
    List<ScoredImage> validation = new ArrayList<>(validation(true));
    for (int i = 0; i < 50; i++) {
      // Wrong answers far from their class: rejecting them costs nothing.
      validation.add(new ScoredImage(image("Apple___Black_rot", i), new float[] {0.95f, 0.04f, 0.01f},
          new float[] {1000, 500, 500}));
      validation.add(new ScoredImage(image("Background", i), new float[] {0.95f, 0.04f, 0.01f},
          new float[] {1000, 500, 500}));
    }
    assertThat(ThresholdCalibrator.calibrate(LABELS, "Background", validation, 0.04))
        .isEqualTo(new Thresholds(0.6, 97.0));
  }

  private static LabelledImage image(String label, int i) {
    return new LabelledImage(Path.of(label + "-" + i + ".jpg"), label, String.format("%064x", i + label.hashCode()));
  }
}
