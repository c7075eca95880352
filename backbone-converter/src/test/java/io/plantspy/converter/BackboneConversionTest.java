package io.plantspy.converter;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.plantspy.converter.tfjs.TfjsToOnnxConverter;
import io.plantspy.converter.tfjs.WeightEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the graphs the build ships against features computed by the real TF.js runtime
 * ({@code src/test/tfjs/golden.mjs}) for a fixed synthetic input, run through ONNX Runtime.
 */
class BackboneConversionTest {

  private static final double TOLERANCE = 1e-3;
  private static final int IMAGE_SIZE = 224;
  private static final int REFERENCE_FEATURE_DIM = 1792;
  /** Mean and std of three MobileNetV2 layers: 2 x (288 + 528 + 816). */
  private static final int SERVING_FEATURE_DIM = 3264;

  private static Map<String, byte[]> built;

  @BeforeAll
  static void convertThePackage() throws IOException {
    built = convert();
  }

  @Test
  void wholeNetworkMatchesTfjsFeatures() throws Exception {
    assertMatchesGolden(BuildBackbone.REFERENCE_FILE, REFERENCE_FEATURE_DIM, "features");
  }

  @Test
  void float32ServingBackboneMatchesTfjsLayerStatistics() throws Exception {
    assertMatchesGolden(BuildBackbone.FLOAT32_FILE, SERVING_FEATURE_DIM, "taps");
  }

  @Test
  void uint8ServingBackboneMatchesTfjsLayerStatistics() throws Exception {
    assertMatchesGolden(BuildBackbone.UINT8_FILE, SERVING_FEATURE_DIM, "taps");
  }

  @Test
  void tapsAndWholeBackboneMatchesTfjsLayerStatisticsThenFeatures() throws Exception {
    assertMatchesGolden(BuildBackbone.TAPS_AND_WHOLE_FILE, SERVING_FEATURE_DIM + REFERENCE_FEATURE_DIM,
        "taps", "features");
  }

  @Test
  void tapsAndRegionsBackboneStartsWithTheTfjsLayerStatistics() throws Exception {
    JsonNode golden = golden();
    int batch = golden.path("shape").get(0).asInt();
    float[][] features = run(built.get(BuildBackbone.TAPS_AND_REGIONS_FILE), syntheticInput(batch), batch);
    double maxDiff = 0;
    for (int b = 0; b < batch; b++) {
      // The regional maxima (one per channel of the three tapped layers) follow the taps; the model module checks
      // their values against the layers' statistics.
      assertThat(features[b]).hasSize(SERVING_FEATURE_DIM + SERVING_FEATURE_DIM / 2);
      JsonNode taps = golden.path("taps").get(b);
      for (int i = 0; i < taps.size(); i++) {
        maxDiff = Math.max(maxDiff, Math.abs(features[b][i] - taps.get(i).asDouble()));
      }
    }
    assertThat(maxDiff).isLessThan(TOLERANCE);
  }

  @Test
  void aRegionalMaxOverOneRegionCoveringTheWholeMapIsTheLayersMean() throws Exception {
    // Block 13's expansion is 14 x 14 positions: one 14-wide region is the whole map, so the regional max must be
    // TF.js's global mean of that layer, which the golden taps hold after blocks 6 and 9's mean and std.
    List<TfjsToOnnxConverter.Tap> oneRegion = List.of(new TfjsToOnnxConverter.Tap(BuildBackbone.TAP_NODES.get(2),
        TfjsToOnnxConverter.Pooling.REGION_MAX, 14, 14));
    byte[] onnx = TfjsToOnnxConverter.convert(BuildBackbone.read(tarball()), WeightEncoding.FLOAT32,
        List.of(new TfjsToOnnxConverter.Output(BuildBackbone.FEATURES_OUTPUT, oneRegion))).toByteArray();
    JsonNode golden = golden();
    int batch = golden.path("shape").get(0).asInt();
    float[][] features = run(onnx, syntheticInput(batch), batch);
    int block13MeanOffset = 2 * (288 + 528);
    double maxDiff = 0;
    for (int b = 0; b < batch; b++) {
      assertThat(features[b]).hasSize(816);
      for (int c = 0; c < 816; c++) {
        maxDiff = Math.max(maxDiff, Math.abs(features[b][c] - golden.path("taps").get(b).get(block13MeanOffset + c)
            .asDouble()));
      }
    }
    assertThat(maxDiff).isLessThan(TOLERANCE);
  }

  @Test
  void conversionIsDeterministic() throws IOException {
    // A second conversion from a fresh read of the package: the backbone's sha256 is pinned by every release.
    Map<String, byte[]> again = convert();
    assertThat(again.keySet()).containsExactlyElementsOf(built.keySet());
    built.forEach((file, bytes) -> assertThat(again.get(file)).as(file).isEqualTo(bytes));
  }

  private static Map<String, byte[]> convert() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Map.Entry<String, OnnxMl.ModelProto> graph : BuildBackbone.convert(BuildBackbone.read(tarball())).entrySet()) {
      files.put(graph.getKey(), graph.getValue().toByteArray());
    }
    return files;
  }

  private static Path tarball() {
    String path = System.getProperty("backbone.tarball");
    assertThat(path).as("system property backbone.tarball (set by the build)").isNotNull();
    return Path.of(path);
  }

  /** The graph's output against the golden fields, laid side by side in the order given. */
  private static void assertMatchesGolden(String file, int dimension, String... fields) throws Exception {
    JsonNode golden = golden();
    int batch = golden.path("shape").get(0).asInt();
    float[][] features = run(built.get(file), syntheticInput(batch), batch);
    double maxDiff = 0;
    for (int b = 0; b < batch; b++) {
      assertThat(features[b]).hasSize(dimension);
      int offset = 0;
      for (String field : fields) {
        JsonNode expected = golden.path(field).get(b);
        for (int i = 0; i < expected.size(); i++) {
          maxDiff = Math.max(maxDiff, Math.abs(features[b][offset + i] - expected.get(i).asDouble()));
        }
        offset += expected.size();
      }
      assertThat(offset).as("golden values per image").isEqualTo(dimension);
    }
    assertThat(maxDiff).as("max abs difference to TF.js (%s)", file).isLessThan(TOLERANCE);
  }

  private static float[][] run(byte[] onnx, float[] input, int batch) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(2);
      try (OrtSession session = env.createSession(onnx, options);
          OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
              new long[] {batch, IMAGE_SIZE, IMAGE_SIZE, 3});
          OrtSession.Result result = session.run(Map.of("image", tensor))) {
        return (float[][]) result.get(BuildBackbone.FEATURES_OUTPUT).orElseThrow().getValue();
      }
    }
  }

  /** value(b,y,x,c) = ((x*7 + y*13 + c*29 + b*101) % 256) / 255, as in golden.mjs. */
  private static float[] syntheticInput(int batch) {
    float[] input = new float[batch * IMAGE_SIZE * IMAGE_SIZE * 3];
    int i = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < IMAGE_SIZE; y++) {
        for (int x = 0; x < IMAGE_SIZE; x++) {
          for (int c = 0; c < 3; c++) {
            input[i++] = ((x * 7 + y * 13 + c * 29 + b * 101) % 256) / 255f;
          }
        }
      }
    }
    return input;
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in = BackboneConversionTest.class.getResourceAsStream("/golden/backbone-features.json")) {
      return JsonMapper.builder().build().readTree(in);
    }
  }
}
