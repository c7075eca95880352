package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionRuleTest {

  private static final PromotionPolicy POLICY = new PromotionPolicy(2.0, 20);

  private static Comparison comparison(double championTop1, double challengerTop1, ClassComparison... classes) {
    return new Comparison(1000, championTop1, challengerTop1, List.of(classes), McNemar.of(3, 40), null, null);
  }

  @Test
  void promotesChallengerOnlyWhenNoClassRegresses() {
    ClassComparison steady = new ClassComparison("Apple___healthy", 60, 0.95, 0.95);
    ClassComparison slightDrop = new ClassComparison("Apple___Black_rot", 60, 0.95, 0.9334);
    ClassComparison newClass = new ClassComparison("Tomato___Target_Spot", 60, Double.NaN, 0.93);
    Decision promoted = PromotionRule.decide(comparison(0.90, 0.94, steady, slightDrop, newClass), POLICY);
    assertThat(promoted.promote()).isTrue();
    assertThat(promoted.reasons()).anyMatch(r -> r.contains("Apple___Black_rot") && r.contains("1.7 points"));

    ClassComparison regressed = new ClassComparison("Apple___Black_rot", 60, 0.95, 0.9166);
    Decision refused = PromotionRule.decide(comparison(0.90, 0.94, steady, regressed, newClass), POLICY);
    assertThat(refused.promote()).isFalse();
    assertThat(refused.reasons()).anyMatch(r -> r.contains("class Apple___Black_rot lost 3.3 points of recall"));
    assertThat(refused.reasons()).noneMatch(r -> r.contains("Apple___healthy"));
  }

  @Test
  void aDropOfExactlyTheAllowedPointsStillPromotes() {
    ClassComparison atLimit = new ClassComparison("Apple___healthy", 50, 0.96, 0.94);
    assertThat(PromotionRule.decide(comparison(0.90, 0.90, atLimit), POLICY).promote()).isTrue();
  }

  @Test
  void refusesWhenANewClassHasTooFewEvaluationImages() {
    ClassComparison fewImages = new ClassComparison("Tomato___Target_Spot", 19, Double.NaN, 1.0);
    Decision decision = PromotionRule.decide(comparison(0.90, 0.95, fewImages), POLICY);
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("Tomato___Target_Spot has 19 evaluation images, fewer than the 20"));

    ClassComparison enough = new ClassComparison("Tomato___Target_Spot", 20, Double.NaN, 1.0);
    assertThat(PromotionRule.decide(comparison(0.90, 0.95, enough), POLICY).promote()).isTrue();
  }

  @Test
  void refusesWhenTopOneFallsBelowTheChampions() {
    ClassComparison steady = new ClassComparison("Apple___healthy", 60, 0.95, 0.95);
    Decision decision = PromotionRule.decide(comparison(0.9120, 0.9110, steady), POLICY);
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reasons()).anyMatch(r -> r.contains("91.10 %") && r.contains("below the champion's (91.20 %)"));

    assertThat(PromotionRule.decide(comparison(0.9120, 0.9120, steady), POLICY).promote()).isTrue();
  }

  @Test
  void reportsMcNemarBesideTheDecisionWithoutDecidingOnIt() {
    ClassComparison steady = new ClassComparison("Apple___healthy", 60, 0.95, 0.95);
    Comparison insignificant =
        new Comparison(1000, 0.90, 0.901, List.of(steady), McNemar.of(10, 11), null, null);
    Decision decision = PromotionRule.decide(insignificant, POLICY);
    assertThat(decision.promote()).isTrue();
    assertThat(decision.reasons())
        .anyMatch(r -> r.startsWith("McNemar (exact-binomial") && r.contains("champion right on 10"));
  }
}
