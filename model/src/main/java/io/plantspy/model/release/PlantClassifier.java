package io.plantspy.model.release;

import io.plantspy.model.runtime.Backbone;
import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.OnnxModel;
import io.plantspy.model.runtime.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model release ready to serve: the built backbone (checked against the sha256 the release was trained
 * on), the release's head and its open-set rule. Preprocessed images in, {@link ClassifierAnswer} out.
 */
public final class PlantClassifier implements AutoCloseable {

  private final ReleaseManifest manifest;
  private final Backbone backbone;
  private final OnnxModel head;
  private final OpenSetRule rule;

  private PlantClassifier(ReleaseManifest manifest, Backbone backbone, OnnxModel head) {
    this.manifest = manifest;
    this.backbone = backbone;
    this.head = head;
    this.rule = new OpenSetRule(manifest.labels(), manifest.backgroundLabel(), manifest.thresholds());
  }

  /** Loads a release folder with the backbone built into the model jar. */
  public static PlantClassifier load(Path releaseDir, InferenceOptions options) throws IOException {
    return load(releaseDir, BackboneFiles.load(false), options);
  }

  public static PlantClassifier load(Path releaseDir, byte[] backboneOnnx, InferenceOptions options)
      throws IOException {
    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    String backboneSha = Sha256.hex(backboneOnnx);
    if (!backboneSha.equals(manifest.backboneSha256())) {
      throw new IllegalStateException("release " + manifest.id() + " was trained on backbone sha256 "
          + manifest.backboneSha256() + " but the backbone here has sha256 " + backboneSha
          + ": rebuild the backbone from the same npm package, or retrain the release");
    }
    byte[] headOnnx = Files.readAllBytes(releaseDir.resolve(manifest.headFile()));
    if (manifest.headSha256() != null && !manifest.headSha256().equals(Sha256.hex(headOnnx))) {
      throw new IllegalStateException("head " + manifest.headFile() + " of release " + manifest.id()
          + " does not match the sha256 in its release.json");
    }
    Backbone backbone = Backbone.load(backboneOnnx, options);
    try {
      OnnxModel head = OnnxModel.load(headOnnx, manifest.headInput(), new long[] {-1, BackboneFiles.FEATURE_DIM},
          manifest.headOutput(), new long[] {-1, manifest.labels().size()}, options);
      return new PlantClassifier(manifest, backbone, head);
    } catch (RuntimeException e) {
      backbone.close();
      throw e;
    }
  }

  /** Diagnoses {@code count} preprocessed images stored back to back (NHWC, RGB in [0,1]). */
  public List<ClassifierAnswer> diagnose(float[] pixels, int count) {
    float[][] probabilities = probabilities(backbone.features(pixels, count));
    List<ClassifierAnswer> diagnoses = new ArrayList<>(count);
    for (float[] row : probabilities) {
      diagnoses.add(rule.decide(row));
    }
    return diagnoses;
  }

  /** Head probabilities for backbone features, one row per image, columns in {@link ReleaseManifest#labels()} order. */
  public float[][] probabilities(float[][] features) {
    int width = BackboneFiles.FEATURE_DIM;
    float[] flat = new float[features.length * width];
    for (int i = 0; i < features.length; i++) {
      System.arraycopy(features[i], 0, flat, i * width, width);
    }
    return head.run(flat, features.length);
  }

  public float[][] features(float[] pixels, int count) {
    return backbone.features(pixels, count);
  }

  public ClassifierAnswer decide(float[] probabilities) {
    return rule.decide(probabilities);
  }

  public ReleaseManifest manifest() {
    return manifest;
  }

  public String executionProvider() {
    return backbone.executionProvider();
  }

  @Override
  public void close() {
    try {
      head.close();
    } finally {
      backbone.close();
    }
  }
}
