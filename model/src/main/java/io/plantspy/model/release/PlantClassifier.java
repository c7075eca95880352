package io.plantspy.model.release;

import io.plantspy.model.runtime.Backbone;
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
 * on), the release's head, its class-distance model when it has one, and its open-set rule. Preprocessed images
 * in, {@link ClassifierAnswer} out.
 */
public final class PlantClassifier implements AutoCloseable {

  private final ReleaseManifest manifest;
  private final Backbone backbone;
  private final OnnxModel head;
  /** Null for a release without one (max-softmax alone). */
  private final OnnxModel classDistances;
  private final OpenSetRule rule;

  private PlantClassifier(ReleaseManifest manifest, Backbone backbone, OnnxModel head, OnnxModel classDistances) {
    this.manifest = manifest;
    this.backbone = backbone;
    this.head = head;
    this.classDistances = classDistances;
    this.rule = new OpenSetRule(manifest.labels(), manifest.backgroundLabel(), manifest.thresholds());
  }

  /** Loads a release folder with the backbone graph it names, built into the model jar. */
  public static PlantClassifier load(Path releaseDir, InferenceOptions options) throws IOException {
    return load(releaseDir, ReleaseFiles.readManifest(releaseDir).backboneGraph().load(), options);
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
    ClassDistanceModel distanceFile = manifest.classDistances();
    byte[] distanceOnnx = null;
    if (distanceFile != null) {
      distanceOnnx = Files.readAllBytes(releaseDir.resolve(distanceFile.file()));
      if (!distanceFile.sha256().equals(Sha256.hex(distanceOnnx))) {
        throw new IllegalStateException("class-distance model " + distanceFile.file() + " of release "
            + manifest.id() + " does not match the sha256 in its release.json");
      }
    }
    int featureDim = manifest.backboneGraph().featureDim();
    long[] featureShape = {-1, featureDim};
    long[] perLabelShape = {-1, manifest.labels().size()};
    Backbone backbone = Backbone.load(backboneOnnx, featureDim, options);
    OnnxModel head = null;
    try {
      head = OnnxModel.load(headOnnx, manifest.headInput(), featureShape, manifest.headOutput(), perLabelShape,
          options);
      OnnxModel distances = distanceFile == null ? null : OnnxModel.load(distanceOnnx, distanceFile.input(),
          featureShape, distanceFile.output(), perLabelShape, options);
      return new PlantClassifier(manifest, backbone, head, distances);
    } catch (RuntimeException e) {
      if (head != null) {
        head.close();
      }
      backbone.close();
      throw e;
    }
  }

  /** Diagnoses {@code count} preprocessed images stored back to back (NHWC, RGB in [0,1]). */
  public List<ClassifierAnswer> diagnose(float[] pixels, int count) {
    float[] features = flatten(backbone.features(pixels, count));
    float[][] probabilities = head.run(features, count);
    // One more small graph run per batch, on the same features, only for a release that has one.
    float[][] distances = classDistances == null ? null : classDistances.run(features, count);
    List<ClassifierAnswer> diagnoses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      diagnoses.add(rule.decide(probabilities[i], distances == null ? null : distances[i]));
    }
    return diagnoses;
  }

  /** Head probabilities for backbone features, one row per image, columns in {@link ReleaseManifest#labels()} order. */
  public float[][] probabilities(float[][] features) {
    return head.run(flatten(features), features.length);
  }

  /**
   * Each image's distance to each class (rows per image, columns in label order), or null for a release without
   * a class-distance model.
   */
  public float[][] distances(float[][] features) {
    return classDistances == null ? null : classDistances.run(flatten(features), features.length);
  }

  private float[] flatten(float[][] features) {
    int width = backbone.featureDim();
    float[] flat = new float[features.length * width];
    for (int i = 0; i < features.length; i++) {
      System.arraycopy(features[i], 0, flat, i * width, width);
    }
    return flat;
  }

  public float[][] features(float[] pixels, int count) {
    return backbone.features(pixels, count);
  }

  public ClassifierAnswer decide(float[] probabilities, float[] distances) {
    return rule.decide(probabilities, distances);
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
      if (classDistances != null) {
        classDistances.close();
      }
    } finally {
      backbone.close();
    }
  }
}
