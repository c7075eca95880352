package io.plantspy.model.image;

/**
 * Caps an uploaded image must stay within before any pixel is decoded, so that a small file cannot
 * make the decoder allocate gigabytes.
 *
 * @param maxBytes  largest accepted file size in bytes
 * @param maxWidth  widest accepted image in pixels
 * @param maxHeight tallest accepted image in pixels
 * @param maxPixels most pixels (width times height) accepted
 */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels) {

  private static final long MEBIBYTE = 1024L * 1024L;

  public ImageLimits {
    requirePositive("maxBytes", maxBytes);
    requirePositive("maxWidth", maxWidth);
    requirePositive("maxHeight", maxHeight);
    requirePositive("maxPixels", maxPixels);
  }

  /** 20 MiB, 12000 x 12000 and 50 megapixels: room for any phone or camera photo of a leaf. */
  public static ImageLimits defaults() {
    return new ImageLimits(20 * MEBIBYTE, 12_000, 12_000, 50_000_000L);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
