package io.plantspy.model.release;

/**
 * Open-set decision rule of a release: an image is answered {@code unknown} when the best leaf class has
 * probability below {@code minConfidence}, or when the best class is the background (non-leaf) class.
 */
public record Thresholds(double minConfidence) {

  public Thresholds {
    if (!(minConfidence >= 0 && minConfidence < 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1): " + minConfidence);
    }
  }
}
