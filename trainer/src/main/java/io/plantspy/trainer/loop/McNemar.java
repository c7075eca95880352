package io.plantspy.trainer.loop;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * McNemar's test on the evaluation images one model answered right and the other wrong.
 *
 * @param championOnly images only the champion answered right (b)
 * @param challengerOnly images only the challenger answered right (c)
 * @param pValue two-sided p-value: exact binomial when b + c is small, else chi-squared with continuity correction
 * @param method {@code exact-binomial} or {@code chi-squared-corrected}
 */
public record McNemar(int championOnly, int challengerOnly, double pValue, String method) {

  /** Below this many discordant pairs the chi-squared approximation is poor and the exact test is used. */
  public static final int EXACT_BELOW = 25;

  public McNemar {
    if (championOnly < 0 || challengerOnly < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0");
    }
  }

  /** The test for {@code b} images only the champion got right and {@code c} only the challenger got right. */
  public static McNemar of(int championOnly, int challengerOnly) {
    int discordant = championOnly + challengerOnly;
    if (discordant < EXACT_BELOW) {
      // Under the null hypothesis each discordant image is equally likely to favour either model: b ~ Bin(b + c, 1/2).
      double p = discordant == 0 ? 1
          : Math.min(1, 2 * new BinomialDistribution(null, discordant, 0.5)
              .cumulativeProbability(Math.min(championOnly, challengerOnly)));
      return new McNemar(championOnly, challengerOnly, p, "exact-binomial");
    }
    double corrected = Math.abs(championOnly - challengerOnly) - 1.0;
    double chiSquared = corrected * corrected / discordant;
    // The upper tail of chi-squared with 1 degree of freedom, Q(1/2, x/2), computed directly: 1 - cdf would round
    // to 0 for the large differences a new class gives (hundreds of discordant images).
    double p = Gamma.regularizedGammaQ(0.5, chiSquared / 2);
    return new McNemar(championOnly, challengerOnly, p, "chi-squared-corrected");
  }
}
