package io.plantspy.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.Random;
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
    // The regional maxima (one per channel of the three tapped layers) follow the taps; the model module checks
    // their values against the layers' statistics.
    assertStartsWithGolden(BuildBackbone.TAPS_AND_REGIONS_FILE, SERVING_FEATURE_DIM + SERVING_FEATURE_DIM / 2, "taps");
  }

  @Test
  void tapsAndLeafBackboneStartsWithTheTfjsLayerStatistics() throws Exception {
    // Then one leaf mean per channel of the three tapped layers, and the mean leaf score.
    assertStartsWithGolden(BuildBackbone.TAPS_AND_LEAF_FILE, SERVING_FEATURE_DIM + SERVING_FEATURE_DIM / 2 + 1,
        "taps");
  }

  @Test
  void aScorerThatWeighsEveryPositionAlikeGivesTheLayersMeans() throws Exception {
    // Zero weights score every position sigmoid(0) = 0.5, so the weighted means are TF.js's plain means: block 6's
    // through the 2 x 2 averaging onto the scorer's grid, block 13's directly.
    TfjsToOnnxConverter.LeafScorer uniform = new TfjsToOnnxConverter.LeafScorer(BuildBackbone.LEAF_SCORER_NODE,
        BuildBackbone.LEAF_SCORER_GRID, new float[816], 0f);
    float[][] features = leafMeans(uniform).get(BuildBackbone.FEATURES_OUTPUT);
    JsonNode golden = golden();
    int block13MeanOffset = 2 * (288 + 528);
    double maxDiff = 0;
    for (int b = 0; b < features.length; b++) {
      assertThat(features[b]).hasSize(288 + 816 + 1);
      JsonNode taps = golden.path("taps").get(b);
      for (int c = 0; c < 288; c++) {
        maxDiff = Math.max(maxDiff, Math.abs(features[b][c] - taps.get(c).asDouble()));
      }
      for (int c = 0; c < 816; c++) {
        maxDiff = Math.max(maxDiff, Math.abs(features[b][288 + c] - taps.get(block13MeanOffset + c).asDouble()));
      }
      assertThat(features[b][288 + 816]).as("mean leaf score").isCloseTo(0.5f, within(1e-6f));
    }
    assertThat(maxDiff).isLessThan(TOLERANCE);
  }

  @Test
  void aLeafMeanIsTheScoreWeightedMeanOfTheScoredPositions() throws Exception {
    Random random = new Random(13);
    float[] weights = new float[816];
    for (int c = 0; c < weights.length; c++) {
      weights[c] = (float) (random.nextGaussian() * 0.1);
    }
    TfjsToOnnxConverter.LeafScorer scorer = new TfjsToOnnxConverter.LeafScorer(BuildBackbone.LEAF_SCORER_NODE,
        BuildBackbone.LEAF_SCORER_GRID, weights, -0.5f);
    Map<String, float[][]> outputs = leafMeans(scorer);
    float[][] features = outputs.get(BuildBackbone.FEATURES_OUTPUT);
    float[][] positions = outputs.get(TfjsToOnnxConverter.POSITIONS_OUTPUT);
    int cells = BuildBackbone.LEAF_SCORER_GRID * BuildBackbone.LEAF_SCORER_GRID;
    double maxRelativeDiff = 0;
    for (int b = 0; b < features.length; b++) {
      assertThat(positions[b]).hasSize(cells * 816);
      // The same sums in Java, from the positions output: score each position, weigh block 13's values by it.
      double[] score = new double[cells];
      double scoreSum = 0;
      for (int p = 0; p < cells; p++) {
        double logit = scorer.bias();
        for (int c = 0; c < 816; c++) {
          logit += weights[c] * positions[b][p * 816 + c];
        }
        score[p] = 1 / (1 + Math.exp(-logit));
        scoreSum += score[p];
      }
      for (int c = 0; c < 816; c++) {
        double weighted = 0;
        for (int p = 0; p < cells; p++) {
          weighted += score[p] * positions[b][p * 816 + c];
        }
        double expected = weighted / scoreSum;
        maxRelativeDiff = Math.max(maxRelativeDiff,
            Math.abs(features[b][288 + c] - expected) / Math.max(1e-3, Math.abs(expected)));
      }
      assertThat((double) features[b][288 + 816]).as("mean leaf score").isCloseTo(scoreSum / cells, within(1e-5));
    }
    assertThat(maxRelativeDiff).isLessThan(TOLERANCE);
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

  /** Both outputs of a graph holding block 6's and block 13's leaf means under {@code scorer}, on the golden input. */
  private static Map<String, float[][]> leafMeans(TfjsToOnnxConverter.LeafScorer scorer) throws Exception {
    List<TfjsToOnnxConverter.Tap> taps = List.of(
        new TfjsToOnnxConverter.Tap(BuildBackbone.TAP_NODES.get(0), TfjsToOnnxConverter.Pooling.LEAF_MEAN, 2, 2),
        new TfjsToOnnxConverter.Tap(BuildBackbone.TAP_NODES.get(2), TfjsToOnnxConverter.Pooling.LEAF_MEAN, 1, 1));
    byte[] onnx = TfjsToOnnxConverter.convert(BuildBackbone.read(tarball()), WeightEncoding.FLOAT32,
        List.of(new TfjsToOnnxConverter.Output(BuildBackbone.FEATURES_OUTPUT, taps, scorer))).toByteArray();
    int batch = golden().path("shape").get(0).asInt();
    return runAll(onnx, syntheticInput(batch), batch);
  }

  /** The graph's output against the golden fields, laid side by side in the order given. */
  private static void assertMatchesGolden(String file, int dimension, String... fields) throws Exception {
    assertThat(assertStartsWithGolden(file, dimension, fields)).as("golden values per image").isEqualTo(dimension);
  }

  /**
   * The first values of the graph's output against the golden fields, laid side by side in the order given; returns
   * how many values per image they cover.
   */
  private static int assertStartsWithGolden(String file, int dimension, String... fields) throws Exception {
    JsonNode golden = golden();
    int batch = golden.path("shape").get(0).asInt();
    float[][] features = run(built.get(file), syntheticInput(batch), batch);
    double maxDiff = 0;
    int offset = 0;
    for (int b = 0; b < batch; b++) {
      assertThat(features[b]).hasSize(dimension);
      offset = 0;
      for (String field : fields) {
        JsonNode expected = golden.path(field).get(b);
        for (int i = 0; i < expected.size(); i++) {
          maxDiff = Math.max(maxDiff, Math.abs(features[b][offset + i] - expected.get(i).asDouble()));
        }
        offset += expected.size();
      }
    }
    assertThat(maxDiff).as("max abs difference to TF.js (%s)", file).isLessThan(TOLERANCE);
    return offset;
  }

  private static float[][] run(byte[] onnx, float[] input, int batch) throws OrtException {
    return runAll(onnx, input, batch).get(BuildBackbone.FEATURES_OUTPUT);
  }

  /** Every output of the graph, by name. */
  private static Map<String, float[][]> runAll(byte[] onnx, float[] input, int batch) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(2);
      try (OrtSession session = env.createSession(onnx, options);
          OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
              new long[] {batch, IMAGE_SIZE, IMAGE_SIZE, 3});
          OrtSession.Result result = session.run(Map.of("image", tensor))) {
        Map<String, float[][]> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, ai.onnxruntime.OnnxValue> output : result) {
          outputs.put(output.getKey(), (float[][]) output.getValue().getValue());
        }
        return outputs;
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
