package io.plantspy.model.runtime;

/**
 * How an ONNX Runtime session runs: CPU threads for one operator, and whether to ask for the CUDA
 * execution provider (used when the onnxruntime_gpu build and a GPU are present, else CPU).
 */
public record InferenceOptions(int intraOpThreads, boolean cuda, int cudaDeviceId) {

  public InferenceOptions {
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime's default)");
    }
    if (cudaDeviceId < 0) {
      throw new IllegalArgumentException("cudaDeviceId must be >= 0");
    }
  }

  public static InferenceOptions cpu(int intraOpThreads) {
    return new InferenceOptions(intraOpThreads, false, 0);
  }
}
