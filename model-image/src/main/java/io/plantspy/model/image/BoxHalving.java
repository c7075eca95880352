package io.plantspy.model.image;

/**
 * Halves an image with a 2x2 box filter until it is less than twice the target size, so that the
 * final bilinear step never skips source pixels and a fine texture (leaf veins, a mildew fleck)
 * does not alias into a pattern.
 */
final class BoxHalving {

  private BoxHalving() {
  }

  /** Halves each axis independently while it is at least twice its target. */
  static PackedRgb halveTowards(PackedRgb image, int targetWidth, int targetHeight) {
    PackedRgb current = image;
    while (true) {
      boolean halveX = current.width() >= 2 * targetWidth;
      boolean halveY = current.height() >= 2 * targetHeight;
      if (!halveX && !halveY) {
        return current;
      }
      current = halve(current, halveX, halveY);
    }
  }

  private static PackedRgb halve(PackedRgb source, boolean halveX, boolean halveY) {
    int stepX = halveX ? 2 : 1;
    int stepY = halveY ? 2 : 1;
    // An odd last row or column is dropped: one source pixel out of hundreds, and it keeps the
    // filter uniform.
    int width = source.width() / stepX;
    int height = source.height() / stepY;
    int taps = stepX * stepY;
    int[] in = source.pixels();
    int[] out = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int red = 0;
        int green = 0;
        int blue = 0;
        for (int dy = 0; dy < stepY; dy++) {
          int row = (y * stepY + dy) * source.width();
          for (int dx = 0; dx < stepX; dx++) {
            int pixel = in[row + x * stepX + dx];
            red += PackedRgb.red(pixel);
            green += PackedRgb.green(pixel);
            blue += PackedRgb.blue(pixel);
          }
        }
        int rounding = taps / 2;
        out[y * width + x] = PackedRgb.pack(
            (red + rounding) / taps, (green + rounding) / taps, (blue + rounding) / taps);
      }
    }
    return new PackedRgb(width, height, out);
  }
}
