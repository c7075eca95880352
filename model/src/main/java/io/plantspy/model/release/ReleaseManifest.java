package io.plantspy.model.release;

import io.plantspy.model.runtime.BackboneGraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code release.json} of a model release: which backbone it was trained on (by sha256), its head,
 * the labels in head-output order, the open-set thresholds and the headline metrics on the test split.
 *
 * @param backgroundLabel the label that means "not a leaf" (answered as unknown), or null if none
 * @param classDistances the class-distance model the open-set rule uses, or null (releases before it, which
 *     decide with max-softmax alone)
 */
public record ReleaseManifest(
    String id,
    String createdAt,
    String backboneFile,
    String backboneSha256,
    String headFile,
    String headSha256,
    String headInput,
    String headOutput,
    List<String> labels,
    String backgroundLabel,
    Thresholds thresholds,
    ClassDistanceModel classDistances,
    Map<String, Double> metrics,
    Map<String, String> training) {

  public ReleaseManifest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(backboneSha256, "backboneSha256");
    Objects.requireNonNull(headFile, "headFile");
    labels = List.copyOf(labels);
    // Insertion order is kept: release.json and reports list metrics in a meaningful order.
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a release needs at least one label");
    }
    if (backgroundLabel != null && !labels.contains(backgroundLabel)) {
      throw new IllegalArgumentException("background label " + backgroundLabel + " is not among the labels");
    }
    Objects.requireNonNull(thresholds, "thresholds");
    if (thresholds.usesClassDistance() != (classDistances != null)) {
      throw new IllegalArgumentException("thresholds.maxClassDistance and classDistances go together: "
          + thresholds + ", " + classDistances);
    }
  }

  /** The backbone graph the release was trained on, by its file name. */
  public BackboneGraph backboneGraph() {
    return BackboneGraph.ofFile(backboneFile);
  }

  /** The same release under another id (a copy published beside the original). */
  public ReleaseManifest withId(String newId) {
    return new ReleaseManifest(newId, createdAt, backboneFile, backboneSha256, headFile, headSha256, headInput,
        headOutput, labels, backgroundLabel, thresholds, classDistances, metrics, training);
  }
}
