package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Leaf shares per cell follow the serving squash: cells divide the picture, whatever its aspect. */
class LeafCoverageTest {

  @Test
  void theLeftHalfOfAWidePictureIsLeafInTheLeftHalfOfTheCells() {
    BufferedImage leaf = new BufferedImage(280, 140, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = leaf.createGraphics();
    g.setColor(Color.GREEN);
    g.fillRect(0, 0, 140, 140);
    g.dispose();

    float[] share = LeafCoverage.of(leaf, 14);

    for (int y = 0; y < 14; y++) {
      for (int x = 0; x < 14; x++) {
        assertThat(share[y * 14 + x]).as("cell " + x + "," + y).isEqualTo(x < 7 ? 1f : 0f);
      }
    }
  }

  @Test
  void aHalfTransparentEdgeCountsAsHalfLeaf() {
    BufferedImage leaf = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        leaf.setRGB(x, y, (x % 2 == 0 ? 255 : 0) << 24);
      }
    }

    float[] share = LeafCoverage.of(leaf, 14);

    float[] half = new float[14 * 14];
    java.util.Arrays.fill(half, 0.5f);
    assertThat(share).containsExactly(half, within(1e-6f));
  }
}
