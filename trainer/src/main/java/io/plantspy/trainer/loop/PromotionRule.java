package io.plantspy.trainer.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The promotion rule of the learning loop, applied to a champion / challenger comparison: the challenger replaces
 * the champion only if its top-1 is at least the champion's, no class the champion knew loses more than the
 * policy's points of recall, and every class new to the challenger has enough evaluation images to be judged.
 * McNemar's test is reported beside the decision, not part of it.
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
    ClassComparison worst = null;
    boolean classDropped = false;
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
      double drop = points(c.championRecall() - c.challengerRecall());
      if (drop > policy.maxRecallDropPoints() + EPSILON) {
        refusals.add(String.format(Locale.ROOT, "class %s lost %.1f points of recall (%s -> %s on %d images), more "
            + "than the %.1f allowed", c.label(), drop, percent(c.championRecall()), percent(c.challengerRecall()),
            c.images(), policy.maxRecallDropPoints()));
        classDropped = true;
      }
      if (worst == null || drop > points(worst.championRecall() - worst.challengerRecall())) {
        worst = c;
      }
    }
    if (worst != null && !classDropped) {
      double drop = points(worst.championRecall() - worst.challengerRecall());
      passes.add(drop > 0
          ? String.format(Locale.ROOT, "no class the champion knew lost more than %.1f points of recall (largest "
              + "drop: %s, %.1f points)", policy.maxRecallDropPoints(), worst.label(), drop)
          : String.format(Locale.ROOT, "no class the champion knew lost recall (allowed: %.1f points)",
              policy.maxRecallDropPoints()));
    }
    McNemar test = comparison.mcnemar();
    String mcnemar = String.format(Locale.ROOT, "McNemar (%s, reported, not deciding): only the champion right on "
        + "%d leaf images, only the challenger on %d, p = %.3g", test.method(), test.championOnly(),
        test.challengerOnly(), test.pValue());
    List<String> reasons = new ArrayList<>(refusals.isEmpty() ? passes : refusals);
    reasons.add(mcnemar);
    return new Decision(refusals.isEmpty(), reasons);
  }

  private static double points(double recallDifference) {
    return recallDifference * 100;
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
  }
}
