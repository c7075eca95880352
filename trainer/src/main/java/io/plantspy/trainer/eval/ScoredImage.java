package io.plantspy.trainer.eval;

import io.plantspy.trainer.data.LabelledImage;

/**
 * An evaluated image: its true label, the head's probabilities and, for a release with a class-distance model,
 * its distance to each class (columns in the release's label order; null without one).
 */
public record ScoredImage(LabelledImage image, float[] probabilities, float[] distances) {

  public ScoredImage(LabelledImage image, float[] probabilities) {
    this(image, probabilities, null);
  }

  /** The same image scored without class distances, as a max-softmax-only release would see it. */
  public ScoredImage withoutDistances() {
    return new ScoredImage(image, probabilities, null);
  }
}
