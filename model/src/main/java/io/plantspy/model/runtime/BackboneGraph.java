package io.plantspy.model.runtime;

import java.util.Arrays;

/**
 * The backbone graphs a release can be trained on and served with, all converted from the same MobileNetV2 by the
 * build: which features each gives and in which file of the model jar it is. A release names its graph by file
 * ({@code backboneFile} in its release.json), so releases on different graphs can be served side by side.
 */
public enum BackboneGraph {

  /** Mean and std of blocks 6, 9 and 13, the network cut after block 13 (what releases were trained on first). */
  TAPS("plantspy-backbone-mnv2.onnx", BackboneFiles.FEATURE_DIM, Descriptions.TAPS
      + "; the network is cut after block 13."),
  /** The whole network to its 1,792-d pooled features. */
  WHOLE(BackboneFiles.REFERENCE_FILE, BackboneFiles.REFERENCE_FEATURE_DIM, Descriptions.WHOLE + "."),
  /** The block taps, then the whole network's pooled features, from one pass. */
  TAPS_AND_WHOLE("plantspy-backbone-mnv2-taps-whole.onnx",
      BackboneFiles.FEATURE_DIM + BackboneFiles.REFERENCE_FEATURE_DIM,
      Descriptions.TAPS + ", then " + Descriptions.WHOLE + ", from one pass (5,056 values)."),
  /**
   * The block taps, then the largest regional mean of each tapped layer's channels (a 3 x 3 grid of regions a little
   * over half the frame's side): a leaf filling part of a busy photo still dominates a region. Same network cut as
   * the taps.
   */
  TAPS_AND_REGIONS("plantspy-backbone-mnv2-taps-regions.onnx", BackboneFiles.FEATURE_DIM + BackboneFiles.FEATURE_DIM / 2,
      Descriptions.TAPS + ", then the largest of each channel's means over a 3 x 3 grid of regions a little over half"
          + " the frame's side (1,632 values; 4,896 in all); the network is cut after block 13."),
  /**
   * The block taps, then each tapped layer's mean weighted by a learned leaf score per position (how much it looks
   * like leaf rather than scene), then the mean leaf score: a leaf on a busy scene is pooled without the scene. Same
   * network cut as the taps; the graph's {@code positions} output gives block 13's values the score is trained on.
   */
  TAPS_AND_LEAF("plantspy-backbone-mnv2-taps-leaf.onnx", BackboneFiles.FEATURE_DIM + BackboneFiles.FEATURE_DIM / 2 + 1,
      Descriptions.TAPS + ", then each layer's mean weighted by a learned per-position leaf score on block 13"
          + " (1,632 values), then the mean leaf score (4,897 values in all); the network is cut after block 13.");

  /** The output of {@link #TAPS_AND_LEAF} holding block 13's values at its 14 x 14 positions, NHWC-flattened. */
  public static final String POSITIONS_OUTPUT = "positions";
  /** Block 13's positions per side and channels, for {@link #POSITIONS_OUTPUT}. */
  public static final int LEAF_GRID = 14;
  public static final int LEAF_CHANNELS = 816;

  /** Phrases the descriptions share (an enum constant cannot refer to a static field of its own enum). */
  private static final class Descriptions {
    static final String TAPS = "per-channel mean and standard deviation over positions of the expansion layers of"
        + " blocks 6, 9 and 13 (3,264 values)";
    static final String WHOLE = "the whole network's pooled features (1,792 values, the input of nsfwjs's own"
        + " classifier)";
  }

  private final String fileName;
  private final int featureDim;
  private final String description;

  BackboneGraph(String fileName, int featureDim, String description) {
    this.fileName = fileName;
    this.featureDim = featureDim;
    this.description = description;
  }

  /** What the features are, for model cards. */
  public String description() {
    return description;
  }

  public String fileName() {
    return fileName;
  }

  public int featureDim() {
    return featureDim;
  }

  /** The graph's bytes from the model jar. */
  public byte[] load() {
    return BackboneFiles.loadResource(fileName);
  }

  /**
   * The graph stored under {@code fileName}. The uint8-weight file of the taps gives the same features as the
   * float32 one, so it names {@link #TAPS} too, as does no name (a release.json from before the field).
   */
  public static BackboneGraph ofFile(String fileName) {
    if (fileName == null || BackboneFiles.fileName(true).equals(fileName)) {
      return TAPS;
    }
    return Arrays.stream(values()).filter(graph -> graph.fileName.equals(fileName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no backbone graph is built under the name " + fileName
            + "; known: " + Arrays.stream(values()).map(BackboneGraph::fileName).toList()));
  }
}
