package io.plantspy.model.image;

import java.awt.image.BufferedImage;

/**
 * The eight EXIF orientations, each expressed as the transform that turns the stored pixels into
 * the upright picture the camera saw: an optional transpose (swap of x and y) followed by optional
 * horizontal and vertical flips, read from the output's point of view.
 */
enum Orientation {
  NORMAL(1, false, false, false),
  MIRROR_HORIZONTAL(2, false, true, false),
  ROTATE_180(3, false, true, true),
  MIRROR_VERTICAL(4, false, false, true),
  TRANSPOSE(5, true, false, false),
  ROTATE_90_CLOCKWISE(6, true, false, true),
  TRANSVERSE(7, true, true, true),
  ROTATE_90_COUNTERCLOCKWISE(8, true, true, false);

  private final int exifValue;
  private final boolean transposes;
  private final boolean flipsSourceX;
  private final boolean flipsSourceY;

  Orientation(int exifValue, boolean transposes, boolean flipsSourceX, boolean flipsSourceY) {
    this.exifValue = exifValue;
    this.transposes = transposes;
    this.flipsSourceX = flipsSourceX;
    this.flipsSourceY = flipsSourceY;
  }

  /** The orientation for an EXIF Orientation tag value; values outside 1..8 are treated as NORMAL. */
  static Orientation fromExifValue(int value) {
    for (Orientation orientation : values()) {
      if (orientation.exifValue == value) {
        return orientation;
      }
    }
    return NORMAL;
  }

  int exifValue() {
    return exifValue;
  }

  /** Returns the upright version of a {@link BufferedImage#TYPE_INT_RGB} image as stored. */
  BufferedImage applyTo(BufferedImage stored) {
    if (this == NORMAL) {
      return stored;
    }
    PackedRgb source = PackedRgb.of(stored);
    int width = transposes ? source.height() : source.width();
    int height = transposes ? source.width() : source.height();
    int[] upright = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int u = transposes ? y : x;
        int v = transposes ? x : y;
        int sourceX = flipsSourceX ? source.width() - 1 - u : u;
        int sourceY = flipsSourceY ? source.height() - 1 - v : v;
        upright[y * width + x] = source.pixels()[sourceY * source.width() + sourceX];
      }
    }
    return new PackedRgb(width, height, upright).toImage();
  }
}
