package io.plantspy.model.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Pixels as 0xRRGGBB ints in row-major order: the form every resampling and orientation step works
 * on, so that results depend on plain integer and float arithmetic rather than on Java2D's
 * rendering pipeline.
 *
 * @param width  width in pixels
 * @param height height in pixels
 * @param pixels {@code width * height} packed pixels; the upper byte is ignored
 */
record PackedRgb(int width, int height, int[] pixels) {

  PackedRgb {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width + "x" + height + " pixels, got " + pixels.length);
    }
  }

  /** Copies the pixels out of an image, converting it to RGB first if it is of another type. */
  static PackedRgb of(BufferedImage image) {
    BufferedImage rgb = RgbImages.toRgb(image);
    int width = rgb.getWidth();
    int height = rgb.getHeight();
    // For TYPE_INT_RGB one data element is one packed pixel; this copies rows and honours sub-image
    // strides.
    int[] pixels = (int[]) rgb.getRaster().getDataElements(0, 0, width, height, null);
    return new PackedRgb(width, height, pixels);
  }

  BufferedImage toImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.getRaster().setDataElements(0, 0, width, height, pixels);
    return image;
  }

  static int red(int pixel) {
    return (pixel >> 16) & 0xFF;
  }

  static int green(int pixel) {
    return (pixel >> 8) & 0xFF;
  }

  static int blue(int pixel) {
    return pixel & 0xFF;
  }

  static int pack(int red, int green, int blue) {
    return (red << 16) | (green << 8) | blue;
  }
}
