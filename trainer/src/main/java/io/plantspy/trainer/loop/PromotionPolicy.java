package io.plantspy.trainer.loop;

/**
 * When a challenger replaces the champion: its top-1 on the common evaluation images is at least the champion's,
 * no class the champion knew loses more than {@code maxRecallDropPoints} points of recall, and every class new to
 * the challenger has at least {@code minNewClassImages} evaluation images.
 */
public record PromotionPolicy(double maxRecallDropPoints, int minNewClassImages) {

  public PromotionPolicy {
    if (maxRecallDropPoints < 0 || minNewClassImages < 1) {
      throw new IllegalArgumentException("maxRecallDropPoints must be >= 0 and minNewClassImages >= 1");
    }
  }
}
