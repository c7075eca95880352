package io.plantspy.trainer.loop;

/**
 * When a challenger replaces the champion: its top-1 on the common evaluation images is at least the champion's,
 * no class the champion knew regresses, and every class new to the challenger has at least
 * {@code minNewClassImages} evaluation images. A class regresses when its recall drops by more than
 * {@code maxRecallDropPoints} points <em>and</em> the drop is significant on its own images: the one-sided exact
 * McNemar test on the class's images only one model answered right gives p below {@code classRegressionAlpha}.
 * With {@code classRegressionAlpha = 1} every drop above the points blocks (the strict rule), since a drop always
 * has p at most 1/2.
 */
public record PromotionPolicy(double maxRecallDropPoints, int minNewClassImages, double classRegressionAlpha) {

  /** The significance level used when none is given: the conventional 5 %. */
  public static final double DEFAULT_CLASS_REGRESSION_ALPHA = 0.05;

  public PromotionPolicy {
    if (maxRecallDropPoints < 0 || minNewClassImages < 1) {
      throw new IllegalArgumentException("maxRecallDropPoints must be >= 0 and minNewClassImages >= 1");
    }
    if (!(classRegressionAlpha > 0 && classRegressionAlpha <= 1)) {
      throw new IllegalArgumentException("classRegressionAlpha must be in (0, 1]");
    }
  }

  /** The policy with the default significance level for a class's recall drop. */
  public PromotionPolicy(double maxRecallDropPoints, int minNewClassImages) {
    this(maxRecallDropPoints, minNewClassImages, DEFAULT_CLASS_REGRESSION_ALPHA);
  }
}
