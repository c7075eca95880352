package io.plantspy.trainer.field;

import java.awt.image.BufferedImage;

/**
 * How much of each cell of a {@code grid x grid} division of a picture is leaf, from a leaf canvas's alpha. The
 * cells are those of the backbone's positions: serving squashes the picture to 224 x 224 without cropping, so cell
 * (x, y) covers the same fraction of the picture whatever its aspect.
 */
final class LeafCoverage {

  private LeafCoverage() {}

  /** Leaf share per cell in [0, 1], row by row ({@code y * grid + x}). */
  static float[] of(BufferedImage leaf, int grid) {
    int width = leaf.getWidth();
    int height = leaf.getHeight();
    int[] argb = leaf.getRGB(0, 0, width, height, null, 0, width);
    double[] sum = new double[grid * grid];
    int[] count = new int[grid * grid];
    for (int y = 0; y < height; y++) {
      int cellY = Math.min(grid - 1, y * grid / height);
      for (int x = 0; x < width; x++) {
        int cell = cellY * grid + Math.min(grid - 1, x * grid / width);
        sum[cell] += (argb[y * width + x] >>> 24) / 255.0;
        count[cell]++;
      }
    }
    float[] share = new float[grid * grid];
    for (int i = 0; i < share.length; i++) {
      share[i] = count[i] == 0 ? 0 : (float) (sum[i] / count[i]);
    }
    return share;
  }
}
