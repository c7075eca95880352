package io.plantspy.converter.tfjs;

/** Index arithmetic for transposing a dense row-major array (e.g. TF's HWIO filters to ONNX's OIHW). */
final class Permutation {

  private Permutation() {}

  /**
   * For each element of the transposed array, the index of the element in the source array.
   *
   * @param sourceShape shape of the source array
   * @param perm output axis {@code i} is source axis {@code perm[i]}
   */
  static int[] sourceIndices(long[] sourceShape, int[] perm) {
    int rank = sourceShape.length;
    long[] sourceStrides = new long[rank];
    long stride = 1;
    for (int axis = rank - 1; axis >= 0; axis--) {
      sourceStrides[axis] = stride;
      stride *= sourceShape[axis];
    }
    int size = (int) stride;
    long[] outShape = new long[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = sourceShape[perm[i]];
    }
    int[] result = new int[size];
    long[] counter = new long[rank];
    for (int out = 0; out < size; out++) {
      long source = 0;
      for (int i = 0; i < rank; i++) {
        source += counter[i] * sourceStrides[perm[i]];
      }
      result[out] = (int) source;
      for (int i = rank - 1; i >= 0 && ++counter[i] == outShape[i]; i--) {
        counter[i] = 0;
      }
    }
    return result;
  }
}
