package io.plantspy.model.release;

/**
 * Open-set decision rule of a release: an image is answered {@code unknown} when the best class is the background
 * (non-leaf) class, when the best leaf class has probability below {@code minConfidence}, or, if the release has
 * a class-distance model, when the image's distance to the best class is above {@code maxClassDistance}.
 *
 * @param maxClassDistance null for a release without a class-distance model (max-softmax alone, as releases
 *     before it were)
 */
public record Thresholds(double minConfidence, Double maxClassDistance) {

  public Thresholds {
    if (!(minConfidence >= 0 && minConfidence < 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1): " + minConfidence);
    }
    if (maxClassDistance != null && !Double.isFinite(maxClassDistance)) {
      throw new IllegalArgumentException("maxClassDistance must be finite: " + maxClassDistance);
    }
  }

  /** Max-softmax alone. */
  public Thresholds(double minConfidence) {
    this(minConfidence, null);
  }

  public boolean usesClassDistance() {
    return maxClassDistance != null;
  }
}
