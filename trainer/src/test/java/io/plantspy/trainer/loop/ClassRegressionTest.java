package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassRegressionTest {

  @Test
  void oneLostPhotoIsAsLikelyAsNotUnderChance() {
    // b = 1, c = 0: P(B >= 1), B ~ Bin(1, 1/2).
    assertThat(ClassRegression.oneSidedP(1, 0)).isEqualTo(0.5);
  }

  @Test
  void aLargeConsistentDropIsSignificant() {
    // b = 10, c = 0: (1/2)^10.
    assertThat(ClassRegression.oneSidedP(10, 0)).isCloseTo(1.0 / 1024, within(1e-12));
    // b = 6, c = 1: P(B >= 6), B ~ Bin(7, 1/2) = (7 + 1) / 128.
    assertThat(ClassRegression.oneSidedP(6, 1)).isCloseTo(8.0 / 128, within(1e-12));
  }

  @Test
  void aDropNeverHasAPValueAboveOneHalfAndNoDisagreementHasOne() {
    // The strict rule (alpha = 1) relies on this: every drop (b > c) has p <= 1/2 < 1 (up to rounding).
    for (int c = 0; c < 30; c++) {
      for (int b = c + 1; b < 40; b++) {
        assertThat(ClassRegression.oneSidedP(b, c)).isLessThanOrEqualTo(0.5 + 1e-12);
      }
    }
    assertThat(ClassRegression.oneSidedP(0, 0)).isEqualTo(1.0);
    assertThat(ClassRegression.oneSidedP(0, 5)).isEqualTo(1.0);
  }

  @Test
  void measuresTheDropInPointsOnTheClassesOwnImages() {
    ClassRegression regression = ClassRegression.of(new ClassComparison("Potato___healthy", 24, 23 / 24.0,
        19 / 24.0, 4, 0));
    assertThat(regression.dropPoints()).isCloseTo(16.67, within(0.01));
    assertThat(regression.pValue()).isEqualTo(1.0 / 16);
  }

  @Test
  void aClassNewToTheChallengerHasNoRegressionTest() {
    assertThatThrownBy(() -> ClassRegression.of(new ClassComparison("Tomato___Target_Spot", 60, Double.NaN, 0.9,
        0, 54))).isInstanceOf(IllegalArgumentException.class);
  }
}
