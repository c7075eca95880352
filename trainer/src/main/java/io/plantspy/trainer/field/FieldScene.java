package io.plantspy.trainer.field;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * What a field condition may draw on besides the photo itself: real background photos (evaluation-only ones for
 * the suite, training ones for training views, never both) and other photos of the same class, for scenes with
 * several leaves.
 */
public record FieldScene(List<BufferedImage> backgrounds, List<BufferedImage> sameClassLeaves) {

  public FieldScene {
    if (backgrounds.isEmpty()) {
      throw new IllegalArgumentException("a field scene needs at least one background photo");
    }
    backgrounds = List.copyOf(backgrounds);
    sameClassLeaves = List.copyOf(sameClassLeaves);
  }

  BufferedImage background(Random random) {
    return backgrounds.get(random.nextInt(backgrounds.size()));
  }

  /** Another leaf of the same class, or the photo itself when there is none. */
  BufferedImage companion(Random random, BufferedImage photo) {
    return sameClassLeaves.isEmpty() ? photo : sameClassLeaves.get(random.nextInt(sameClassLeaves.size()));
  }
}
