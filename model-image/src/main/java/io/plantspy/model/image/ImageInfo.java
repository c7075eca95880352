package io.plantspy.model.image;

import java.util.Objects;

/**
 * What an image's header says about it, read without decoding a pixel.
 *
 * @param format the format recognised from the magic bytes
 * @param width  stored width in pixels, before any EXIF orientation is applied
 * @param height stored height in pixels, before any EXIF orientation is applied
 */
public record ImageInfo(ImageFormat format, int width, int height) {

  public ImageInfo {
    Objects.requireNonNull(format, "format");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("dimensions must be positive, were " + width + "x" + height);
    }
  }

  /** Width times height, as a long because the product of two header ints can overflow an int. */
  public long pixelCount() {
    return (long) width * height;
  }
}
