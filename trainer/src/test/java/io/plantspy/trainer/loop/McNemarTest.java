package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The worked examples of mlxtend's user guide, "McNemar's Test for classifier comparisons"
 * (https://rasbt.github.io/mlxtend/user_guide/evaluate/mcnemar/, notebook
 * docs/sources/user_guide/evaluate/mcnemar.ipynb in rasbt/mlxtend).
 */
class McNemarTest {

  @Test
  void largeDisagreementUsesChiSquaredWithContinuityCorrection() {
    // Scenario B: table [[9945, 25], [15, 15]], b = 25, c = 15; mlxtend: chi-squared 2.025, p-value 0.154728923485.
    McNemar test = McNemar.of(25, 15);
    assertThat(test.method()).isEqualTo("chi-squared-corrected");
    assertThat(test.pValue()).isCloseTo(0.154728923485, within(1e-9));
  }

  @Test
  void smallDisagreementUsesTheExactBinomialTest() {
    // Scenario A: table [[9959, 11], [1, 29]], b = 11, c = 1, b + c = 12 < 25. The guide's text gives p ~ 0.006; its
    // printed output (0.005859375) predates mlxtend's current formula min(1, 2 * binom.cdf(min(b, c), b + c, 0.5)),
    // which is the two-sided exact test: 2 * (1 + 12) / 2^12 = 0.00634765625.
    McNemar test = McNemar.of(11, 1);
    assertThat(test.method()).isEqualTo("exact-binomial");
    assertThat(test.pValue()).isCloseTo(26.0 / 4096, within(1e-12));
  }

  @Test
  void aLopsidedDisagreementHasATinyButPositivePValue() {
    // 29 against 388: chi-squared = (359 - 1)^2 / 417 = 307.3, far in the tail; 1 - cdf would give exactly 0.
    McNemar test = McNemar.of(29, 388);
    assertThat(test.pValue()).isPositive().isLessThan(1e-60);
  }

  @Test
  void theTestIsSymmetricInWhichModelWon() {
    assertThat(McNemar.of(1, 11).pValue()).isEqualTo(McNemar.of(11, 1).pValue());
    assertThat(McNemar.of(15, 25).pValue()).isEqualTo(McNemar.of(25, 15).pValue());
  }

  @Test
  void noDisagreementAndAnEvenSplitGiveNoEvidenceOfADifference() {
    assertThat(McNemar.of(0, 0).pValue()).isEqualTo(1.0);
    assertThat(McNemar.of(6, 6).pValue()).isEqualTo(1.0);
  }

  @Test
  void switchesToChiSquaredAtTwentyFiveDiscordantImages() {
    assertThat(McNemar.of(12, 12).method()).isEqualTo("exact-binomial");
    assertThat(McNemar.of(13, 12).method()).isEqualTo("chi-squared-corrected");
  }
}
