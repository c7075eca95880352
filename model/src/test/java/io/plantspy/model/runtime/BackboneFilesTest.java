package io.plantspy.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The backbone files the converter wrote into this module's classes, read under the names and signature the
 * runtime expects: a renamed file or output on either side fails here rather than in a deployed service.
 */
class BackboneFilesTest {

  private static final int BATCH = 2;

  @Test
  void servedBackbonesGiveFeatureVectorsOfTheServedWidth() {
    for (boolean uint8 : new boolean[] {false, true}) {
      try (Backbone backbone = Backbone.load(BackboneFiles.load(uint8), InferenceOptions.cpu(1))) {
        float[][] features = backbone.features(new float[BATCH * Backbone.valuesPerImage()], BATCH);
        assertThat(features).hasNumberOfRows(BATCH);
        assertThat(features[0]).as("uint8=%s", uint8).hasSize(BackboneFiles.FEATURE_DIM);
      }
    }
  }

  @Test
  void referenceNetworkGivesTheWholeNetworksPooledFeatures() {
    byte[] reference = BackboneFiles.loadResource(BackboneFiles.REFERENCE_FILE);
    try (Backbone backbone = Backbone.load(reference, BackboneFiles.REFERENCE_FEATURE_DIM, InferenceOptions.cpu(1))) {
      assertThat(backbone.features(new float[Backbone.valuesPerImage()], 1)[0])
          .hasSize(BackboneFiles.REFERENCE_FEATURE_DIM);
    }
  }

  @Test
  void tapsAndWholeGraphGivesTheTapsThenTheWholeNetworksFeaturesOfTheSameImage() {
    float[] pixels = randomPixels();
    try (Backbone taps = Backbone.load(BackboneGraph.TAPS, InferenceOptions.cpu(1));
        Backbone whole = Backbone.load(BackboneGraph.WHOLE, InferenceOptions.cpu(1));
        Backbone both = Backbone.load(BackboneGraph.TAPS_AND_WHOLE, InferenceOptions.cpu(1))) {
      float[][] tapFeatures = taps.features(pixels, BATCH);
      float[][] wholeFeatures = whole.features(pixels, BATCH);
      float[][] bothFeatures = both.features(pixels, BATCH);
      for (int b = 0; b < BATCH; b++) {
        assertThat(bothFeatures[b]).hasSize(BackboneGraph.TAPS_AND_WHOLE.featureDim());
        assertThat(java.util.Arrays.copyOfRange(bothFeatures[b], 0, BackboneFiles.FEATURE_DIM))
            .containsExactly(tapFeatures[b], org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(java.util.Arrays.copyOfRange(bothFeatures[b], BackboneFiles.FEATURE_DIM, bothFeatures[b].length))
            .containsExactly(wholeFeatures[b], org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }

  @Test
  void tapsAndRegionsGraphGivesTheTapsThenARegionalMaxBetweenEachChannelsMeanAndItsActivationCeiling() {
    float[] pixels = randomPixels();
    try (Backbone taps = Backbone.load(BackboneGraph.TAPS, InferenceOptions.cpu(1));
        Backbone regions = Backbone.load(BackboneGraph.TAPS_AND_REGIONS, InferenceOptions.cpu(1))) {
      float[][] tapFeatures = taps.features(pixels, BATCH);
      float[][] features = regions.features(pixels, BATCH);
      int[] channels = {288, 528, 816};
      for (int b = 0; b < BATCH; b++) {
        assertThat(features[b]).hasSize(BackboneGraph.TAPS_AND_REGIONS.featureDim());
        assertThat(java.util.Arrays.copyOfRange(features[b], 0, BackboneFiles.FEATURE_DIM))
            .containsExactly(tapFeatures[b], org.assertj.core.data.Offset.offset(1e-4f));
        // Taps are laid out as [mean(C), std(C)] per layer; the regional maxima follow, one per channel. A regional
        // mean of a ReLU6 layer lies in [0, 6], and the largest of nine regions covering the map is at least the
        // smallest position value, so it cannot be below zero nor above the ceiling.
        int tapOffset = 0;
        int regionOffset = BackboneFiles.FEATURE_DIM;
        for (int layerChannels : channels) {
          for (int c = 0; c < layerChannels; c++) {
            float mean = features[b][tapOffset + c];
            float regionMax = features[b][regionOffset + c];
            assertThat(regionMax).isBetween(0f, 6f);
            // Regions overlap unevenly, so the largest regional mean is only roughly above the plain mean.
            assertThat(regionMax).isGreaterThanOrEqualTo(mean * 0.5f - 1e-4f);
          }
          tapOffset += 2 * layerChannels;
          regionOffset += layerChannels;
        }
      }
    }
  }

  @Test
  void tapsAndLeafGraphGivesTheTapsThenLeafMeansWithinTheActivationRangeThenTheLeafShare() {
    float[] pixels = randomPixels();
    try (Backbone taps = Backbone.load(BackboneGraph.TAPS, InferenceOptions.cpu(1));
        Backbone leaf = Backbone.load(BackboneGraph.TAPS_AND_LEAF, InferenceOptions.cpu(1))) {
      float[][] tapFeatures = taps.features(pixels, BATCH);
      float[][] features = leaf.features(pixels, BATCH);
      for (int b = 0; b < BATCH; b++) {
        assertThat(features[b]).hasSize(BackboneGraph.TAPS_AND_LEAF.featureDim());
        assertThat(java.util.Arrays.copyOfRange(features[b], 0, BackboneFiles.FEATURE_DIM))
            .containsExactly(tapFeatures[b], org.assertj.core.data.Offset.offset(1e-4f));
        // A weighted mean of a ReLU6 layer's positions lies in [0, 6]; the leaf share is a mean of sigmoids.
        for (int i = BackboneFiles.FEATURE_DIM; i < features[b].length - 1; i++) {
          assertThat(features[b][i]).isBetween(0f, 6f + 1e-4f);
        }
        assertThat(features[b][features[b].length - 1]).isStrictlyBetween(0f, 1f);
      }
    }
  }

  private static float[] randomPixels() {
    float[] pixels = new float[BATCH * Backbone.valuesPerImage()];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return pixels;
  }

  @Test
  void aReleaseNamesItsGraphByFileAndAnUnknownNameIsRefused() {
    for (BackboneGraph graph : BackboneGraph.values()) {
      assertThat(BackboneGraph.ofFile(graph.fileName())).isEqualTo(graph);
    }
    assertThat(BackboneGraph.ofFile(BackboneFiles.fileName(true))).isEqualTo(BackboneGraph.TAPS);
    assertThat(BackboneGraph.ofFile(null)).isEqualTo(BackboneGraph.TAPS);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackboneGraph.ofFile("other.onnx"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other.onnx");
  }
}
