package io.plantspy.trainer.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The promotion rule of the learning loop, applied to a champion / challenger comparison: the challenger replaces
 * the champion only if its top-1 is at least the champion's, no class the champion knew loses more than the
 * policy's points of recall with a drop significant on its own images ({@link ClassRegression}), and every class
 * new to the challenger has enough evaluation images to be judged. Every drop above the points is named in the
 * reasons, blocking or not. McNemar's test over all leaf images is reported beside the decision; it decides only
 * whether a top-1 drop within the clean margin is small enough to trade for robustness (see {@link PromotionPolicy}
 * for the field-conditions clauses).
 */
public final class PromotionRule {

  // Recalls are ratios of small integers; a drop equal to the limit must not fail on the last bit.
  private static final double EPSILON = 1e-9;

  private PromotionRule() {}

  /** The rule without field-conditions figures (no background photos to build the suite from). */
  public static Decision decide(Comparison comparison, PromotionPolicy policy) {
    return decide(comparison, null, policy);
  }

  /** The rule; {@code field} is null when the models were not measured on the field-conditions suite. */
  public static Decision decide(Comparison comparison, FieldComparison field, PromotionPolicy policy) {
    List<String> refusals = new ArrayList<>();
    List<String> passes = new ArrayList<>();
    if (comparison.challengerTop1() + EPSILON < comparison.championTop1()) {
      String below = String.format(Locale.ROOT, "top-1 of the challenger (%s) is below the champion's (%s) on the "
          + "%d common evaluation images", percent(comparison.challengerTop1()), percent(comparison.championTop1()),
          comparison.images());
      String traded = robustnessTrade(comparison, field, policy);
      if (traded != null) {
        passes.add(below + ", " + traded);
      } else {
        refusals.add(below + (field == null ? "" : String.format(Locale.ROOT, " (by %.2f points; a challenger may "
            + "give up at most %.1f, not significantly, for at least %.1f more points of field-conditions photos "
            + "answered right, and it gains %.1f)", (comparison.championTop1() - comparison.challengerTop1()) * 100,
            policy.cleanMarginPoints(), policy.minFieldGainPoints(), field.gainPoints())));
      }
    } else {
      passes.add(String.format(Locale.ROOT, "top-1 of the challenger (%s) is at least the champion's (%s) on the "
          + "%d common evaluation images", percent(comparison.challengerTop1()), percent(comparison.championTop1()),
          comparison.images()));
    }
    List<String> tolerated = new ArrayList<>();
    ClassRegression worst = null;
    boolean classBlocked = false;
    for (ClassComparison c : comparison.classes()) {
      if (Double.isNaN(c.championRecall())) {
        if (c.images() < policy.minNewClassImages()) {
          refusals.add(String.format(Locale.ROOT, "new class %s has %d evaluation image%s, fewer than the %d "
              + "needed to judge it", c.label(), c.images(), c.images() == 1 ? "" : "s", policy.minNewClassImages()));
        } else {
          passes.add(String.format(Locale.ROOT, "new class %s: recall %s on %d evaluation images", c.label(),
              percent(c.challengerRecall()), c.images()));
        }
        continue;
      }
      ClassRegression regression = ClassRegression.of(c);
      if (regression.dropPoints() > policy.maxRecallDropPoints() + EPSILON) {
        boolean significant = regression.pValue() < policy.classRegressionAlpha();
        String drop = String.format(Locale.ROOT, "class %s lost %.1f points of recall (%s -> %s on %d images; "
            + "only the champion right on %d, only the challenger on %d, one-sided p = %.3g)", c.label(),
            regression.dropPoints(), percent(c.championRecall()), percent(c.challengerRecall()), c.images(),
            regression.championOnly(), regression.challengerOnly(), regression.pValue());
        if (significant) {
          refusals.add(String.format(Locale.ROOT, "%s: more than the %.1f points allowed and significant "
              + "(p < %.3g), blocks", drop, policy.maxRecallDropPoints(), policy.classRegressionAlpha()));
          classBlocked = true;
        } else {
          tolerated.add(String.format(Locale.ROOT, "%s: more than the %.1f points allowed but not significant "
              + "(p >= %.3g), does not block", drop, policy.maxRecallDropPoints(), policy.classRegressionAlpha()));
        }
      }
      if (worst == null || regression.dropPoints() > worst.dropPoints()) {
        worst = regression;
      }
    }
    if (worst != null && !classBlocked) {
      passes.add(worst.dropPoints() > 0
          ? String.format(Locale.ROOT, "no class the champion knew lost significantly more than %.1f points of "
              + "recall (largest drop: %s, %.1f points)", policy.maxRecallDropPoints(), worst.label(),
              worst.dropPoints())
          : String.format(Locale.ROOT, "no class the champion knew lost recall (allowed: %.1f points)",
              policy.maxRecallDropPoints()));
    }
    if (field != null) {
      String suite = String.format(Locale.ROOT, "field-conditions suite: served answers right %s -> %s (%+.1f "
          + "points; wrong %s -> %s)", percent(field.champion().answeredRight()),
          percent(field.challenger().answeredRight()), field.gainPoints(), percent(field.champion().answeredWrong()),
          percent(field.challenger().answeredWrong()));
      if (-field.gainPoints() > policy.maxFieldDropPoints() + EPSILON) {
        refusals.add(String.format(Locale.ROOT, "%s: more than the %.1f points a challenger may lose there",
            suite, policy.maxFieldDropPoints()));
      } else {
        passes.add(suite);
      }
    }
    McNemar test = comparison.mcnemar();
    String mcnemar = String.format(Locale.ROOT, "McNemar over all leaf images (%s; decides only a top-1 drop within the clean margin): only the champion right on "
        + "%d leaf images, only the challenger on %d, p = %.3g", test.method(), test.championOnly(),
        test.challengerOnly(), test.pValue());
    List<String> reasons = new ArrayList<>(refusals.isEmpty() ? passes : refusals);
    reasons.addAll(tolerated);
    reasons.add(mcnemar);
    return new Decision(refusals.isEmpty(), reasons);
  }

  /**
   * Why a top-1 drop is accepted for robustness, or null when it is not: within the clean margin, not significant
   * over all leaf images, and bought by enough field-conditions gain.
   */
  private static String robustnessTrade(Comparison comparison, FieldComparison field, PromotionPolicy policy) {
    double dropPoints = (comparison.championTop1() - comparison.challengerTop1()) * 100;
    if (field == null || dropPoints > policy.cleanMarginPoints() + EPSILON
        || comparison.mcnemar().pValue() < policy.classRegressionAlpha()
        || field.gainPoints() + EPSILON < policy.minFieldGainPoints()) {
      return null;
    }
    return String.format(Locale.ROOT, "by %.2f points: within the %.1f points a challenger may give up, not "
        + "significantly (McNemar p = %.3g), since it answers %.1f more points of field-conditions photos right "
        + "(at least %.1f needed)", dropPoints, policy.cleanMarginPoints(), comparison.mcnemar().pValue(),
        field.gainPoints(), policy.minFieldGainPoints());
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }
}
