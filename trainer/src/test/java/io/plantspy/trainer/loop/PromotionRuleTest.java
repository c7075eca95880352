package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.trainer.field.FieldOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionRuleTest {

  private static final PromotionPolicy POLICY = new PromotionPolicy(2.0, 20);
  private static final PromotionPolicy STRICT = new PromotionPolicy(2.0, 20, 1.0);

  private static Comparison comparison(double championTop1, double challengerTop1, ClassComparison... classes) {
    return new Comparison(1000, championTop1, challengerTop1, List.of(classes), McNemar.of(3, 40), null, null);
  }

  /** A class of {@code images} photos, the champion right on {@code champion}, with b and c discordant photos. */
  private static ClassComparison known(String label, int images, int champion, int championOnly,
      int challengerOnly) {
    int challenger = champion - championOnly + challengerOnly;
    return new ClassComparison(label, images, (double) champion / images, (double) challenger / images,
        championOnly, challengerOnly);
  }

  private static ClassComparison fresh(String label, int images, int challenger) {
    return new ClassComparison(label, images, Double.NaN, (double) challenger / images, 0, challenger);
  }

  /** A field-conditions comparison: the share of the suite's photos each model answers right. */
  private static FieldComparison field(double championRight, double challengerRight) {
    return new FieldComparison(new FieldOutcome(620, championRight, championRight, 0.04, 1 - championRight - 0.04),
        new FieldOutcome(620, challengerRight, challengerRight, 0.03, 1 - challengerRight - 0.03));
  }

  /** 1,000 images, the champion right on 33 the challenger missed and the challenger on 20 it missed: p = 0.099. */
  private static Comparison slightlyWorseOnCleanPhotos(double championTop1, double challengerTop1) {
    return new Comparison(1000, championTop1, challengerTop1, List.of(), McNemar.of(33, 20), null, null);
  }

  @Test
  void promotesARobustChallengerWhoseCleanDropIsSmallAndNotSignificant() {
    Decision decision = PromotionRule.decide(slightlyWorseOnCleanPhotos(0.952, 0.945), field(0.482, 0.667), POLICY);
    assertThat(decision.promote()).as(decision.reasons().toString()).isTrue();
    assertThat(decision.reasons()).anyMatch(r -> r.startsWith("top-1 of the challenger (94.50 %) is below the "
        + "champion's (95.20 %)") && r.contains("by 0.70 points: within the 1.0 points") && r.contains("18.5 more"));
    assertThat(decision.reasons()).anyMatch(r -> r.startsWith("field-conditions suite: served answers right "
        + "48.20 % -> 66.70 % (+18.5 points"));

    // Without the suite's figures the same clean drop refuses, as the rule always did.
    assertThat(PromotionRule.decide(slightlyWorseOnCleanPhotos(0.952, 0.945), POLICY).promote()).isFalse();
  }

  @Test
  void keepsTheChampionWhenTheCleanDropIsBeyondTheMarginOrSignificantOrTheFieldGainTooSmall() {
    Decision tooFar = PromotionRule.decide(slightlyWorseOnCleanPhotos(0.952, 0.940), field(0.482, 0.667), POLICY);
    assertThat(tooFar.promote()).isFalse();
    assertThat(tooFar.reasons()).anyMatch(r -> r.contains("by 1.20 points; a challenger may give up at most 1.0"));

    Comparison significant = new Comparison(1000, 0.952, 0.945, List.of(), McNemar.of(40, 10), null, null);
    assertThat(PromotionRule.decide(significant, field(0.482, 0.667), POLICY).promote()).isFalse();

    Decision smallGain = PromotionRule.decide(slightlyWorseOnCleanPhotos(0.952, 0.945), field(0.482, 0.51), POLICY);
    assertThat(smallGain.promote()).isFalse();
    assertThat(smallGain.reasons()).anyMatch(r -> r.contains("and it gains 2.8)"));
  }

  @Test
  void keepsTheChampionWhenTheChallengerAnswersFewerFieldPhotosRight() {
    Decision decision = PromotionRule.decide(comparison(0.90, 0.94), field(0.60, 0.55), POLICY);
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reasons()).anyMatch(r -> r.startsWith("field-conditions suite: served answers right "
        + "60.00 % -> 55.00 % (-5.0 points") && r.endsWith("more than the 2.0 points a challenger may lose there"));

    // A loss within the allowance passes, and is reported.
    Decision small = PromotionRule.decide(comparison(0.90, 0.94), field(0.60, 0.59), POLICY);
    assertThat(small.promote()).isTrue();
    assertThat(small.reasons()).anyMatch(r -> r.contains("(-1.0 points"));
  }

  @Test
  void theDefaultSignificanceLevelIsFivePercent() {
    assertThat(POLICY.classRegressionAlpha()).isEqualTo(0.05);
  }

  @Test
  void promotesChallengerOnlyWhenNoClassRegresses() {
    ClassComparison steady = known("Apple___healthy", 60, 57, 0, 0);
    ClassComparison slightDrop = known("Apple___Black_rot", 60, 57, 1, 0); // 1.7 points: within the allowance
    ClassComparison newClass = fresh("Tomato___Target_Spot", 60, 56);
    Decision promoted = PromotionRule.decide(comparison(0.90, 0.94, steady, slightDrop, newClass), POLICY);
    assertThat(promoted.promote()).isTrue();
    assertThat(promoted.reasons()).anyMatch(r -> r.contains("Apple___Black_rot") && r.contains("1.7 points"));

    ClassComparison regressed = known("Apple___Black_rot", 60, 57, 10, 0);
    Decision refused = PromotionRule.decide(comparison(0.90, 0.94, steady, regressed, newClass), POLICY);
    assertThat(refused.promote()).isFalse();
    assertThat(refused.reasons()).anyMatch(r -> r.startsWith("class Apple___Black_rot lost 16.7 points of recall")
        && r.contains("only the champion right on 10, only the challenger on 0") && r.contains("p = 0.000977")
        && r.endsWith("blocks"));
    assertThat(refused.reasons()).noneMatch(r -> r.contains("Apple___healthy"));
  }

  @Test
  void aOnePhotoDropOnASmallClassPassesAtFivePercentAndBlocksUnderTheStrictRule() {
    ClassComparison onePhoto = known("Potato___healthy", 24, 23, 1, 0); // 4.2 points, p = 0.5
    Decision tolerated = PromotionRule.decide(comparison(0.90, 0.94, onePhoto), POLICY);
    assertThat(tolerated.promote()).isTrue();
    assertThat(tolerated.reasons()).anyMatch(r -> r.startsWith("class Potato___healthy lost 4.2 points of recall")
        && r.contains("only the champion right on 1, only the challenger on 0, one-sided p = 0.500")
        && r.endsWith("does not block"));

    Decision strict = PromotionRule.decide(comparison(0.90, 0.94, onePhoto), STRICT);
    assertThat(strict.promote()).isFalse();
    assertThat(strict.reasons()).anyMatch(r -> r.startsWith("class Potato___healthy lost 4.2 points")
        && r.endsWith("blocks") && !r.endsWith("does not block"));
  }

  @Test
  void aSignificantDropWithinTheAllowedPointsDoesNotBlock() {
    // 12 lost, 11 gained on a 1,000-photo class: 0.1 points, whatever the test says, is within the allowance.
    ClassComparison big = known("Tomato___healthy", 1000, 950, 12, 11);
    assertThat(PromotionRule.decide(comparison(0.90, 0.94, big), STRICT).promote()).isTrue();
  }

  @Test
  void aDropOfExactlyTheAllowedPointsStillPromotes() {
    ClassComparison atLimit = known("Apple___healthy", 50, 48, 1, 0);
    assertThat(PromotionRule.decide(comparison(0.90, 0.90, atLimit), STRICT).promote()).isTrue();
  }

  @Test
  void refusesWhenANewClassHasTooFewEvaluationImages() {
    ClassComparison fewImages = fresh("Tomato___Target_Spot", 19, 19);
    Decision decision = PromotionRule.decide(comparison(0.90, 0.95, fewImages), POLICY);
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reasons())
        .anyMatch(r -> r.contains("Tomato___Target_Spot has 19 evaluation images, fewer than the 20"));

    ClassComparison enough = fresh("Tomato___Target_Spot", 20, 20);
    assertThat(PromotionRule.decide(comparison(0.90, 0.95, enough), POLICY).promote()).isTrue();
  }

  @Test
  void refusesWhenTopOneFallsBelowTheChampions() {
    ClassComparison steady = known("Apple___healthy", 60, 57, 0, 0);
    Decision decision = PromotionRule.decide(comparison(0.9120, 0.9110, steady), POLICY);
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reasons()).anyMatch(r -> r.contains("91.10 %") && r.contains("below the champion's (91.20 %)"));

    assertThat(PromotionRule.decide(comparison(0.9120, 0.9120, steady), POLICY).promote()).isTrue();
  }

  @Test
  void reportsMcNemarBesideTheDecisionWithoutFieldFiguresNotDecidingOnIt() {
    ClassComparison steady = known("Apple___healthy", 60, 57, 0, 0);
    Comparison insignificant =
        new Comparison(1000, 0.90, 0.901, List.of(steady), McNemar.of(10, 11), null, null);
    Decision decision = PromotionRule.decide(insignificant, POLICY);
    assertThat(decision.promote()).isTrue();
    assertThat(decision.reasons())
        .anyMatch(r -> r.startsWith("McNemar over all leaf images (exact-binomial") && r.contains("champion right on 10"));
  }
}
