package io.plantspy.model.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetRuleTest {

  private static final List<String> LABELS =
      List.of("Apple___Apple_scab", "Apple___healthy", "Background", "Tomato___Late_blight");
  private final OpenSetRule rule = new OpenSetRule(LABELS, "Background", new Thresholds(0.5));

  @Test
  void answersCropHealthAndDiseaseOfTopClass() {
    ClassifierAnswer d = rule.decide(new float[] {0.7f, 0.2f, 0.05f, 0.05f});
    assertThat(d.unknown()).isFalse();
    assertThat(d.predictedClass()).isEqualTo("Apple___Apple_scab");
    assertThat(d.category().orElseThrow().label()).isEqualTo("Apple");
    assertThat(d.category().orElseThrow().confidence()).isCloseTo(0.9, within(1e-6));
    assertThat(d.health().orElseThrow().label()).isEqualTo("sick");
    assertThat(d.health().orElseThrow().confidence()).isCloseTo(0.7, within(1e-6));
    assertThat(d.disease().orElseThrow().label()).isEqualTo("Apple scab");
    assertThat(d.top3()).extracting(LabelConfidence::label)
        .containsExactly("Apple___Apple_scab", "Apple___healthy", "Background");
  }

  @Test
  void healthyLeafHasNoDisease() {
    ClassifierAnswer d = rule.decide(new float[] {0.1f, 0.8f, 0.05f, 0.05f});
    assertThat(d.health().orElseThrow().label()).isEqualTo("healthy");
    assertThat(d.disease()).isEmpty();
  }

  @Test
  void backgroundClassIsUnknown() {
    ClassifierAnswer d = rule.decide(new float[] {0.1f, 0.1f, 0.7f, 0.1f});
    assertThat(d.unknown()).isTrue();
    assertThat(d.category()).isEmpty();
    assertThat(d.top3()).hasSize(3);
  }

  @Test
  void lowConfidenceIsUnknown() {
    ClassifierAnswer d = rule.decide(new float[] {0.3f, 0.25f, 0.2f, 0.25f});
    assertThat(d.unknown()).isTrue();
    assertThat(d.predictedClass()).isEqualTo("Apple___Apple_scab");
    assertThat(d.disease()).isEmpty();
  }

  private final OpenSetRule withDistance = new OpenSetRule(LABELS, "Background", new Thresholds(0.5, 10.0));

  @Test
  void confidentAnswerFarFromItsClassIsUnknown() {
    ClassifierAnswer d = withDistance.decide(new float[] {0.9f, 0.05f, 0.02f, 0.03f}, new float[] {25, 3, 3, 3});
    assertThat(d.unknown()).isTrue();
    assertThat(d.predictedClass()).isEqualTo("Apple___Apple_scab");
    assertThat(d.category()).isEmpty();
  }

  @Test
  void confidentAnswerNearItsClassIsAnswered() {
    // Far from the other classes, which is what a typical photo of this class is.
    ClassifierAnswer d = withDistance.decide(new float[] {0.9f, 0.05f, 0.02f, 0.03f}, new float[] {-4, 30, 30, 30});
    assertThat(d.unknown()).isFalse();
    assertThat(d.disease().orElseThrow().label()).isEqualTo("Apple scab");
  }

  @Test
  void distanceRuleStillRejectsLowConfidenceAndBackground() {
    assertThat(withDistance.decide(new float[] {0.3f, 0.25f, 0.2f, 0.25f}, new float[] {0, 0, 0, 0}).unknown())
        .isTrue();
    assertThat(withDistance.decide(new float[] {0.1f, 0.1f, 0.7f, 0.1f}, new float[] {0, 0, 0, 0}).unknown())
        .isTrue();
  }

  @Test
  void distanceRuleRefusesToDecideWithoutDistances() {
    assertThatThrownBy(() -> withDistance.decide(new float[] {0.9f, 0.05f, 0.02f, 0.03f}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distance per label");
  }

  @Test
  void maxSoftmaxRuleIgnoresDistances() {
    ClassifierAnswer d = rule.decide(new float[] {0.9f, 0.05f, 0.02f, 0.03f}, new float[] {1e6f, 0, 0, 0});
    assertThat(d.unknown()).isFalse();
  }
}
