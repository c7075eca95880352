package io.plantspy.model.release;

import java.util.Objects;

/**
 * Where a release keeps its class-distance model: an ONNX graph from backbone features to one distance per label
 * (columns in the manifest's label order), which the open-set rule compares with
 * {@link Thresholds#maxClassDistance()}. Releases trained before it existed have none.
 *
 * @param file the ONNX file in the release folder
 * @param sha256 the file's sha256; loading refuses a mismatch
 * @param input the graph's input (raw backbone features, {@code [n, feature dim]})
 * @param output the graph's output ({@code [n, labels]})
 * @param method what the distance is, in words (for people reading release.json)
 */
public record ClassDistanceModel(String file, String sha256, String input, String output, String method) {

  public ClassDistanceModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }
}
