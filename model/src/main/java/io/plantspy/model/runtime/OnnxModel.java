package io.plantspy.model.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of an ONNX Runtime session, its options and the environment reference: checks at load
 * that the graph has the expected input and output (name, rank, fixed sizes), runs float batches, and
 * releases native memory on {@link #close()}. Every tensor and result is closed right after use.
 *
 * <p>A session is safe for concurrent {@code run} calls (ONNX Runtime guarantees it).
 */
public final class OnnxModel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OnnxModel.class);
  /** ONNX Runtime's session config key (onnxruntime_session_options_config_keys.h). */
  static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

  private final OrtEnvironment environment;
  private final OrtSession.SessionOptions options;
  private final OrtSession session;
  private final String inputName;
  private final long[] inputShape;
  private final String outputName;
  private final int outputWidth;
  private final String executionProvider;

  /**
   * Loads a model and checks its signature.
   *
   * @param inputShape expected input shape, {@code -1} for the batch axis
   * @param outputShape expected output shape {@code [-1, width]}
   */
  public static OnnxModel load(byte[] model, String inputName, long[] inputShape, String outputName,
      long[] outputShape, InferenceOptions inference) {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      configureCpu(options, inference);
      String provider = inference.cuda() ? tryCuda(options, inference.cudaDeviceId()) : "CPU";
      OrtSession session = environment.createSession(model, options);
      try {
        checkSignature(session, inputName, inputShape, outputName, outputShape);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      return new OnnxModel(environment, options, session, inputName, inputShape, outputName,
          (int) outputShape[1], provider);
    } catch (OrtException e) {
      options.close();
      throw new IllegalStateException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      options.close();
      throw e;
    }
  }

  private OnnxModel(OrtEnvironment environment, OrtSession.SessionOptions options, OrtSession session,
      String inputName, long[] inputShape, String outputName, int outputWidth, String executionProvider) {
    this.environment = environment;
    this.options = options;
    this.session = session;
    this.inputName = inputName;
    this.inputShape = inputShape.clone();
    this.outputName = outputName;
    this.outputWidth = outputWidth;
    this.executionProvider = executionProvider;
  }

  /** Runs a batch of {@code batchSize} inputs laid out back to back; returns one output row per input. */
  public float[][] run(float[] batch, int batchSize) {
    long[] shape = inputShape.clone();
    shape[0] = batchSize;
    long perItem = Math.abs(Arrays.stream(inputShape).skip(1).reduce(1, (a, b) -> a * b));
    if (batch.length < perItem * batchSize) {
      throw new IllegalArgumentException("batch holds " + batch.length + " values, " + batchSize + " inputs need "
          + perItem * batchSize);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(environment,
            FloatBuffer.wrap(batch, 0, (int) (perItem * batchSize)), shape);
        OrtSession.Result result = session.run(Map.of(inputName, input), java.util.Set.of(outputName))) {
      float[][] output = (float[][]) result.get(0).getValue();
      if (output.length != batchSize || (batchSize > 0 && output[0].length != outputWidth)) {
        throw new IllegalStateException("model returned " + output.length + " rows for " + batchSize + " inputs");
      }
      return output;
    } catch (OrtException e) {
      throw new IllegalStateException("inference failed: " + e.getMessage(), e);
    }
  }

  public int outputWidth() {
    return outputWidth;
  }

  /** "CUDA:0" or "CPU": where this session actually runs. */
  public String executionProvider() {
    return executionProvider;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      log.warn("closing ONNX session failed: {}", e.getMessage());
    } finally {
      options.close();
    }
  }

  /** Optimisation level, intra-op threads and spinning; package-private so a test can read the result back. */
  static void configureCpu(OrtSession.SessionOptions options, InferenceOptions inference) throws OrtException {
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (inference.intraOpThreads() > 0) {
      options.setIntraOpNumThreads(inference.intraOpThreads());
    }
    // Always written, so the session does what the options say whatever ONNX Runtime's default becomes.
    options.addConfigEntry(ALLOW_SPINNING, inference.allowSpinning() ? "1" : "0");
  }

  private static String tryCuda(OrtSession.SessionOptions options, int deviceId) {
    try {
      options.addCUDA(deviceId);
      return "CUDA:" + deviceId;
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      log.warn("CUDA execution provider unavailable ({}); running on CPU", e.getMessage());
      return "CPU";
    }
  }

  private static void checkSignature(OrtSession session, String inputName, long[] inputShape, String outputName,
      long[] outputShape) throws OrtException {
    checkTensor("input", session.getInputInfo(), inputName, inputShape);
    checkTensor("output", session.getOutputInfo(), outputName, outputShape);
  }

  private static void checkTensor(String role, Map<String, NodeInfo> infos, String name, long[] expected) {
    NodeInfo info = infos.get(name);
    if (info == null) {
      throw new IllegalStateException("model has no " + role + " named '" + name + "' (it has " + infos.keySet() + ")");
    }
    if (!(info.getInfo() instanceof TensorInfo tensor)) {
      throw new IllegalStateException(role + " '" + name + "' is not a tensor");
    }
    long[] actual = tensor.getShape();
    boolean matches = actual.length == expected.length;
    for (int i = 0; matches && i < actual.length; i++) {
      matches = expected[i] < 0 || actual[i] < 0 || actual[i] == expected[i];
    }
    if (!matches) {
      throw new IllegalStateException(role + " '" + name + "' has shape " + Arrays.toString(actual) + ", expected "
          + Arrays.toString(expected));
    }
  }
}
