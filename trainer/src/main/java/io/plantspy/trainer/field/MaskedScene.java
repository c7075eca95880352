package io.plantspy.trainer.field;

import java.awt.image.BufferedImage;

/**
 * A picture and where the leaf is in it: {@code leaf} is a transparent canvas of the same size whose alpha is the
 * leaf's (0 scene, 255 leaf, in between on the cut-out's soft edge).
 */
record MaskedScene(BufferedImage image, BufferedImage leaf) {

  MaskedScene {
    if (image.getWidth() != leaf.getWidth() || image.getHeight() != leaf.getHeight()) {
      throw new IllegalArgumentException("the leaf canvas must be the picture's size");
    }
  }
}
