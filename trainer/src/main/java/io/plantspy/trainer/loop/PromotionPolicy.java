package io.plantspy.trainer.loop;

/**
 * When a challenger replaces the champion: its top-1 on the common evaluation images is at least the champion's,
 * no class the champion knew regresses, and every class new to the challenger has at least
 * {@code minNewClassImages} evaluation images. A class regresses when its recall drops by more than
 * {@code maxRecallDropPoints} points <em>and</em> the drop is significant on its own images: the one-sided exact
 * McNemar test on the class's images only one model answered right gives p below {@code classRegressionAlpha}.
 * With {@code classRegressionAlpha = 1} every drop above the points blocks (the strict rule), since a drop always
 * has p at most 1/2.
 *
 * <p>When both models were also measured on the field-conditions suite (photos as growers take them): a challenger
 * whose top-1 is below the champion's by at most {@code cleanMarginPoints}, not significantly (McNemar over all
 * leaf images, p at least {@code classRegressionAlpha}), still passes the top-1 clause if it answers at least
 * {@code minFieldGainPoints} more points of the suite's photos right; and any challenger that answers more than
 * {@code maxFieldDropPoints} points fewer of them right is refused.
 */
public record PromotionPolicy(double maxRecallDropPoints, int minNewClassImages, double classRegressionAlpha,
    double cleanMarginPoints, double minFieldGainPoints, double maxFieldDropPoints) {

  /** The significance level used when none is given: the conventional 5 %. */
  public static final double DEFAULT_CLASS_REGRESSION_ALPHA = 0.05;
  /** Top-1 points on clean photos a challenger may give up for robustness, when none is given. */
  public static final double DEFAULT_CLEAN_MARGIN_POINTS = 1.0;
  /** Field-conditions points that buy that margin, when none is given. */
  public static final double DEFAULT_MIN_FIELD_GAIN_POINTS = 5.0;
  /** Field-conditions points a challenger may lose, when none is given. */
  public static final double DEFAULT_MAX_FIELD_DROP_POINTS = 2.0;

  public PromotionPolicy {
    if (maxRecallDropPoints < 0 || minNewClassImages < 1) {
      throw new IllegalArgumentException("maxRecallDropPoints must be >= 0 and minNewClassImages >= 1");
    }
    if (!(classRegressionAlpha > 0 && classRegressionAlpha <= 1)) {
      throw new IllegalArgumentException("classRegressionAlpha must be in (0, 1]");
    }
    if (cleanMarginPoints < 0 || minFieldGainPoints < 0 || maxFieldDropPoints < 0) {
      throw new IllegalArgumentException("cleanMarginPoints, minFieldGainPoints and maxFieldDropPoints must be >= 0");
    }
  }

  /** The policy with the default field-conditions margins. */
  public PromotionPolicy(double maxRecallDropPoints, int minNewClassImages, double classRegressionAlpha) {
    this(maxRecallDropPoints, minNewClassImages, classRegressionAlpha, DEFAULT_CLEAN_MARGIN_POINTS,
        DEFAULT_MIN_FIELD_GAIN_POINTS, DEFAULT_MAX_FIELD_DROP_POINTS);
  }

  /** The policy with the default significance level for a class's recall drop. */
  public PromotionPolicy(double maxRecallDropPoints, int minNewClassImages) {
    this(maxRecallDropPoints, minNewClassImages, DEFAULT_CLASS_REGRESSION_ALPHA);
  }
}
