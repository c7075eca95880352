package io.plantspy.trainer.fit;

import java.util.Collection;

/**
 * Per-feature z-scoring fitted on the training vectors. Backbone features differ in scale by orders of
 * magnitude between channels and layers; SGD on the raw values converges poorly. The same statistics are
 * written into the exported head (see {@link StandardizedHead}), so serving sees exactly what training saw.
 */
public record Standardizer(float[] mean, float[] inverseStd) {

  /** Channels that never vary (dead ReLUs) get unit scale instead of a division by zero. */
  private static final double MIN_STD = 1e-6;

  public static Standardizer fit(Collection<float[]> vectors, int dimension) {
    double[] sum = new double[dimension];
    double[] sumOfSquares = new double[dimension];
    for (float[] vector : vectors) {
      for (int i = 0; i < dimension; i++) {
        sum[i] += vector[i];
        sumOfSquares[i] += (double) vector[i] * vector[i];
      }
    }
    float[] mean = new float[dimension];
    float[] inverseStd = new float[dimension];
    int n = Math.max(1, vectors.size());
    for (int i = 0; i < dimension; i++) {
      double m = sum[i] / n;
      double std = Math.sqrt(Math.max(0, sumOfSquares[i] / n - m * m));
      mean[i] = (float) m;
      inverseStd[i] = (float) (std < MIN_STD ? 1 : 1 / std);
    }
    return new Standardizer(mean, inverseStd);
  }

  /** The standardised vector, computed in float exactly as ONNX Runtime does it: (x - mean) * inverseStd. */
  public float[] apply(float[] vector) {
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (vector[i] - mean[i]) * inverseStd[i];
    }
    return out;
  }
}
