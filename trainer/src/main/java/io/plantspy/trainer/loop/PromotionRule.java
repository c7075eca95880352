package io.plantspy.trainer.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The promotion rule of the learning loop, applied to a champion / challenger comparison: the challenger replaces
 * the champion only if its top-1 is at least the champion's, no class the champion knew loses more than the
 * policy's points of recall with a drop significant on its own images ({@link ClassRegression}), and every class
 * new to the challenger has enough evaluation images to be judged. Every drop above the points is named in the
 * reasons, blocking or not. McNemar's test over all leaf images is reported beside the decision, not part of it.
 */
public final class PromotionRule {

  // Recalls are ratios of small integers; a drop equal to the limit must not fail on the last bit.
  private static final double EPSILON = 1e-9;

  private PromotionRule() {}

  public static Decision decide(Comparison comparison, PromotionPolicy policy) {
    List<String> refusals = new ArrayList<>();
    List<String> passes = new ArrayList<>();
    if (comparison.challengerTop1() + EPSILON < comparison.championTop1()) {
      refusals.add(String.format(Locale.ROOT, "top-1 of the challenger (%s) is below the champion's (%s) on the "
          + "%d common evaluation images", percent(comparison.challengerTop1()), percent(comparison.championTop1()),
          comparison.images()));
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
    McNemar test = comparison.mcnemar();
    String mcnemar = String.format(Locale.ROOT, "McNemar (%s, reported, not deciding): only the champion right on "
        + "%d leaf images, only the challenger on %d, p = %.3g", test.method(), test.championOnly(),
        test.challengerOnly(), test.pValue());
    List<String> reasons = new ArrayList<>(refusals.isEmpty() ? passes : refusals);
    reasons.addAll(tolerated);
    reasons.add(mcnemar);
    return new Decision(refusals.isEmpty(), reasons);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }
}
