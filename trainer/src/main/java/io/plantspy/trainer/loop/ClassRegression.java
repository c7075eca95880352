package io.plantspy.trainer.loop;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Whether a class the champion knew lost recall by chance or for real: the one-sided exact McNemar test on the
 * class's own discordant images. On a 24–60 image class one photo moves recall by 2–4 points, and which photos
 * fall under the open-set threshold changes from one training to the next, so a drop in points alone says little.
 *
 * @param dropPoints champion recall minus challenger recall, in points (negative: the challenger did better)
 * @param championOnly images of the class only the champion answered right (b)
 * @param challengerOnly images of the class only the challenger answered right (c)
 * @param pValue P(at least b of the b + c discordant images favour the champion | both models equally good)
 */
public record ClassRegression(String label, int images, double dropPoints, int championOnly, int challengerOnly,
    double pValue) {

  /** The test for one known class of a comparison. */
  public static ClassRegression of(ClassComparison c) {
    if (Double.isNaN(c.championRecall())) {
      throw new IllegalArgumentException(c.label() + " is new to the challenger: it has no champion recall");
    }
    return new ClassRegression(c.label(), c.images(), (c.championRecall() - c.challengerRecall()) * 100,
        c.championOnly(), c.challengerOnly(), oneSidedP(c.championOnly(), c.challengerOnly()));
  }

  /**
   * Under the null hypothesis each discordant image favours either model with probability 1/2, so b ~ Bin(b + c,
   * 1/2) and P(B >= b) = P(B <= c) by symmetry (1 when there is no discordant image).
   */
  static double oneSidedP(int championOnly, int challengerOnly) {
    int discordant = championOnly + challengerOnly;
    return discordant == 0 ? 1
        : new BinomialDistribution(null, discordant, 0.5).cumulativeProbability(challengerOnly);
  }
}
