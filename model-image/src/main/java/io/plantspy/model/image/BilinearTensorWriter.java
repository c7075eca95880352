package io.plantspy.model.image;

/**
 * Resamples packed RGB pixels to a square with bilinear interpolation (pixel centres aligned, edges
 * clamped) and writes them as floats in [0, 1], channels R, G, B interleaved per pixel (NHWC for
 * one image).
 */
final class BilinearTensorWriter {

  private BilinearTensorWriter() {
  }

  static void write(PackedRgb image, int size, float[] out, int offset) {
    int[] left = new int[size];
    int[] right = new int[size];
    float[] rightWeight = new float[size];
    sampleGrid(image.width(), size, left, right, rightWeight);
    int[] top = new int[size];
    int[] bottom = new int[size];
    float[] bottomWeight = new float[size];
    sampleGrid(image.height(), size, top, bottom, bottomWeight);

    int[] pixels = image.pixels();
    int stride = image.width();
    for (int y = 0; y < size; y++) {
      int topRow = top[y] * stride;
      int bottomRow = bottom[y] * stride;
      float fy = bottomWeight[y];
      for (int x = 0; x < size; x++) {
        int topLeft = pixels[topRow + left[x]];
        int topRight = pixels[topRow + right[x]];
        int bottomLeft = pixels[bottomRow + left[x]];
        int bottomRight = pixels[bottomRow + right[x]];
        float fx = rightWeight[x];
        int index = offset + (y * size + x) * 3;
        out[index] = interpolate(PackedRgb.red(topLeft), PackedRgb.red(topRight),
            PackedRgb.red(bottomLeft), PackedRgb.red(bottomRight), fx, fy);
        out[index + 1] = interpolate(PackedRgb.green(topLeft), PackedRgb.green(topRight),
            PackedRgb.green(bottomLeft), PackedRgb.green(bottomRight), fx, fy);
        out[index + 2] = interpolate(PackedRgb.blue(topLeft), PackedRgb.blue(topRight),
            PackedRgb.blue(bottomLeft), PackedRgb.blue(bottomRight), fx, fy);
      }
    }
  }

  // For each output index: the two source indices around its centre and the weight of the upper.
  private static void sampleGrid(
      int sourceLength, int size, int[] lower, int[] upper, float[] upperWeight) {
    float scale = (float) sourceLength / size;
    for (int i = 0; i < size; i++) {
      float position = Math.max(0f, Math.min(sourceLength - 1, (i + 0.5f) * scale - 0.5f));
      int floor = (int) position;
      lower[i] = floor;
      upper[i] = Math.min(floor + 1, sourceLength - 1);
      upperWeight[i] = position - floor;
    }
  }

  // Written as a + t * (b - a) so that a flat region maps to exactly its own value.
  private static float interpolate(
      int topLeft, int topRight, int bottomLeft, int bottomRight, float fx, float fy) {
    float top = topLeft + fx * (topRight - topLeft);
    float bottom = bottomLeft + fx * (bottomRight - bottomLeft);
    return (top + fy * (bottom - top)) / 255f;
  }
}
