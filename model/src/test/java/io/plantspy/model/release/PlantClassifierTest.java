package io.plantspy.model.release;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.InferenceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantClassifierTest {

  @TempDir
  Path releaseDir;

  @Test
  void refusesReleaseTrainedOnAnotherBackbone() throws IOException {
    ReleaseFiles.writeManifest(releaseDir, manifestTrainedOnBackbone("0".repeat(64)));
    Files.write(releaseDir.resolve("head.onnx"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> PlantClassifier.load(releaseDir, InferenceOptions.cpu(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was trained on backbone sha256 " + "0".repeat(64))
        .hasMessageContaining("retrain");
  }

  /** A one-label release whose head was trained on the backbone with this sha256. */
  private static ReleaseManifest manifestTrainedOnBackbone(String backboneSha256) {
    return new ReleaseManifest("r1", "2026-11-27T00:00:00Z", BackboneFiles.fileName(false), backboneSha256,
        "head.onnx", null, "input", "output", List.of("Apple___healthy"), null, new Thresholds(0.5), null, Map.of(),
        Map.of());
  }

  @Test
  void refusesFolderWithoutManifest() {
    assertThatThrownBy(() -> PlantClassifier.load(releaseDir, InferenceOptions.cpu(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a model release folder");
  }
}
