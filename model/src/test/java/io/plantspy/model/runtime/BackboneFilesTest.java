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
      try (Backbone backbone = Backbone.loadBuilt(uint8, InferenceOptions.cpu(1))) {
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
}
