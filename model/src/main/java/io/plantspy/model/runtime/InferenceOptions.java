package io.plantspy.model.runtime;

/**
 * How an ONNX Runtime session runs: CPU threads for one operator, whether those threads may spin while they wait
 * for work, and whether to ask for the CUDA execution provider (used when the onnxruntime_gpu build and a GPU are
 * present, else CPU).
 *
 * @param allowSpinning let idle intra-op threads busy-wait for the next operator instead of sleeping
 *     ({@code session.intra_op.allow_spinning}); ONNX Runtime's default, and a little faster on a machine that
 *     runs nothing else, but on a CPU shared with other services the spinning takes the cores they need
 */
public record InferenceOptions(int intraOpThreads, boolean cuda, int cudaDeviceId, boolean allowSpinning) {

  public InferenceOptions {
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime's default)");
    }
    if (cudaDeviceId < 0) {
      throw new IllegalArgumentException("cudaDeviceId must be >= 0");
    }
  }

  /** Spinning left on, ONNX Runtime's default: for tools that have the machine to themselves. */
  public InferenceOptions(int intraOpThreads, boolean cuda, int cudaDeviceId) {
    this(intraOpThreads, cuda, cudaDeviceId, true);
  }

  public static InferenceOptions cpu(int intraOpThreads) {
    return new InferenceOptions(intraOpThreads, false, 0);
  }
}
