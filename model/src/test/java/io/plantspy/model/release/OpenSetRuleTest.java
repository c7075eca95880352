package io.plantspy.model.release;

import static org.assertj.core.api.Assertions.assertThat;
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
}
