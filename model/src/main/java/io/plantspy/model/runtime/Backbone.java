package io.plantspy.model.runtime;

/**
 * The frozen image backbone: preprocessed NHWC images in, feature vectors out. Owns its ONNX session.
 */
public final class Backbone implements AutoCloseable {

  private static final int PIXELS = BackboneFiles.IMAGE_SIZE * BackboneFiles.IMAGE_SIZE * 3;

  private final OnnxModel model;
  private final String sha256;
  private final int featureDim;

  private Backbone(OnnxModel model, String sha256, int featureDim) {
    this.model = model;
    this.sha256 = sha256;
    this.featureDim = featureDim;
  }

  /** Loads one of the graphs the build converted (float32 weights). */
  public static Backbone load(BackboneGraph graph, InferenceOptions options) {
    return load(graph.load(), graph.featureDim(), options);
  }

  public static Backbone load(byte[] onnx, InferenceOptions options) {
    return load(onnx, BackboneFiles.FEATURE_DIM, options);
  }

  /** Loads a backbone graph whose {@code features} output has {@code featureDim} values per image. */
  public static Backbone load(byte[] onnx, int featureDim, InferenceOptions options) {
    int size = BackboneFiles.IMAGE_SIZE;
    OnnxModel model = OnnxModel.load(onnx, BackboneFiles.INPUT, new long[] {-1, size, size, 3},
        BackboneFiles.FEATURES_OUTPUT, new long[] {-1, featureDim}, options);
    return new Backbone(model, Sha256.hex(onnx), featureDim);
  }

  /** Features for {@code count} images stored back to back in {@code pixels} (NHWC, RGB in [0,1]). */
  public float[][] features(float[] pixels, int count) {
    return model.run(pixels, count);
  }

  /** Feature values per image. */
  public int featureDim() {
    return featureDim;
  }

  public static int valuesPerImage() {
    return PIXELS;
  }

  public String sha256() {
    return sha256;
  }

  public String executionProvider() {
    return model.executionProvider();
  }

  @Override
  public void close() {
    model.close();
  }
}
