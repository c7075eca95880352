package io.plantspy.model.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases written before the class-distance model (the release.json of 2026-11-27-plantvillage31, copied as a
 * test resource) still load, and decide with max-softmax alone as they did.
 */
class ReleaseManifestCompatibilityTest {

  private static final Path OLD_RELEASE = Path.of("src/test/resources/releases/max-softmax-only");

  @Test
  void releaseWithoutClassDistancesLoadsAsMaxSoftmaxAlone() throws Exception {
    ReleaseManifest manifest = ReleaseFiles.readManifest(OLD_RELEASE);
    assertThat(manifest.classDistances()).isNull();
    assertThat(manifest.thresholds()).isEqualTo(new Thresholds(0.996));
    assertThat(manifest.thresholds().usesClassDistance()).isFalse();
  }

  @Test
  void releaseWithoutClassDistancesDecidesOnConfidenceAlone() throws Exception {
    ReleaseManifest manifest = ReleaseFiles.readManifest(OLD_RELEASE);
    OpenSetRule rule = new OpenSetRule(manifest.labels(), manifest.backgroundLabel(), manifest.thresholds());
    int apple = manifest.labels().indexOf("Apple___Black_rot");
    assertThat(rule.decide(confident(manifest.labels().size(), apple, 0.997f)).unknown()).isFalse();
    assertThat(rule.decide(confident(manifest.labels().size(), apple, 0.995f)).unknown()).isTrue();
  }

  @Test
  void manifestWithClassDistancesRoundTrips(@TempDir Path dir) throws Exception {
    ReleaseManifest manifest = new ReleaseManifest("r2", "2026-11-28T00:00:00Z", "backbone.onnx", "0".repeat(64),
        "head.onnx", null, "features", "output", List.of("Apple___healthy", "Apple___Black_rot"), null,
        new Thresholds(0.9, 12.5), new ClassDistanceModel("class-distances.onnx", "a".repeat(64), "features",
            "distances", "relative Mahalanobis"), Map.of(), Map.of());
    ReleaseFiles.writeManifest(dir, manifest);
    assertThat(Files.readString(dir.resolve(ReleaseFiles.MANIFEST))).contains("\"maxClassDistance\" : 12.5");
    assertThat(ReleaseFiles.readManifest(dir)).isEqualTo(manifest);
  }

  @Test
  void distanceThresholdWithoutItsModelIsRefused() {
    assertThatThrownBy(() -> new ReleaseManifest("r3", "2026-11-28T00:00:00Z", "backbone.onnx", "0".repeat(64),
        "head.onnx", null, "features", "output", List.of("Apple___healthy"), null, new Thresholds(0.9, 12.5), null,
        Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("go together");
  }

  private static float[] confident(int labels, int best, float probability) {
    float[] probabilities = new float[labels];
    java.util.Arrays.fill(probabilities, (1 - probability) / (labels - 1));
    probabilities[best] = probability;
    return probabilities;
  }
}
