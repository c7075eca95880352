package io.plantspy.model.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.InferenceOptions;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the converted backbone against features computed by the real TF.js runtime
 * ({@code src/test/tfjs/golden.mjs}) for a fixed synthetic input.
 */
class BackboneConversionTest {

  private static final double TOLERANCE = 1e-3;

  @Test
  void wholeNetworkMatchesTfjsFeatures() throws IOException {
    byte[] reference = BackboneFiles.loadResource(BackboneFiles.REFERENCE_FILE);
    assertMatchesGolden(reference, BackboneFiles.REFERENCE_FEATURE_DIM, "features", "reference");
  }

  @Test
  void float32ServingBackboneMatchesTfjsLayerStatistics() throws IOException {
    assertMatchesGolden(BackboneFiles.load(false), BackboneFiles.FEATURE_DIM, "taps", "float32");
  }

  @Test
  void uint8ServingBackboneMatchesTfjsLayerStatistics() throws IOException {
    assertMatchesGolden(BackboneFiles.load(true), BackboneFiles.FEATURE_DIM, "taps", "uint8");
  }

  @Test
  void conversionIsDeterministic() throws IOException {
    byte[] built = BackboneFiles.load(false);
    assertThat(io.plantspy.model.runtime.Sha256.hex(built))
        .as("the build writes the sha256 next to the backbone")
        .isEqualTo(sha256File(BackboneFiles.fileName(false)));
  }

  private static void assertMatchesGolden(byte[] onnx, int dimension, String field, String variant)
      throws IOException {
    JsonNode golden = golden();
    int batch = golden.path("shape").get(0).asInt();
    float[] input = syntheticInput(batch);
    try (Backbone backbone = Backbone.load(onnx, dimension, InferenceOptions.cpu(2))) {
      float[][] features = backbone.features(input, batch);
      double maxDiff = 0;
      for (int b = 0; b < batch; b++) {
        JsonNode expected = golden.path(field).get(b);
        assertThat(features[b]).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          maxDiff = Math.max(maxDiff, Math.abs(features[b][i] - expected.get(i).asDouble()));
        }
      }
      assertThat(maxDiff).as("max abs difference to TF.js (%s)", variant).isLessThan(TOLERANCE);
    }
  }

  /** value(b,y,x,c) = ((x*7 + y*13 + c*29 + b*101) % 256) / 255, as in golden.mjs. */
  private static float[] syntheticInput(int batch) {
    int size = BackboneFiles.IMAGE_SIZE;
    float[] input = new float[batch * size * size * 3];
    int i = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
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

  private static String sha256File(String fileName) throws IOException {
    try (InputStream in = BackboneConversionTest.class.getResourceAsStream("/backbone/" + fileName + ".sha256")) {
      return new String(in.readAllBytes()).split("\\s+")[0];
    }
  }
}
