package io.plantspy.converter.tfjs;

/**
 * One constant of a TF.js graph: float32 values, or uint8 codes with the affine {@code min + q * scale}
 * that TF.js uses to dequantise them.
 */
record TfjsTensor(String name, long[] shape, float[] floats, byte[] uint8, double min, double scale) {

  static TfjsTensor ofFloats(String name, long[] shape, float[] values) {
    return new TfjsTensor(name, shape, values, null, 0, 1);
  }

  static TfjsTensor ofUint8(String name, long[] shape, byte[] codes, double min, double scale) {
    return new TfjsTensor(name, shape, null, codes, min, scale);
  }

  boolean quantized() {
    return uint8 != null;
  }

  /** Float values exactly as TF.js computes them: the affine in double precision, then rounded to float. */
  float[] dequantized() {
    if (!quantized()) {
      return floats.clone();
    }
    float[] values = new float[uint8.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((uint8[i] & 0xFF) * scale + min);
    }
    return values;
  }
}
