package io.plantspy.trainer.eval;

import io.plantspy.model.runtime.OnnxModel;
import io.plantspy.trainer.data.LabelledImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an ONNX head, and a release's class-distance model when it has one (the serving path), over cached
 * features of labelled images.
 */
public final class HeadScorer {

  private static final int BATCH = 256;

  private HeadScorer() {}

  public static List<ScoredImage> score(OnnxModel head, List<LabelledImage> images, Map<String, float[]> features) {
    return score(head, null, images, features);
  }

  /** @param classDistances the class-distance model, or null for probabilities alone */
  public static List<ScoredImage> score(OnnxModel head, OnnxModel classDistances, List<LabelledImage> images,
      Map<String, float[]> features) {
    List<LabelledImage> present = images.stream().filter(i -> features.containsKey(i.sha256())).toList();
    int width = present.isEmpty() ? 0 : features.get(present.get(0).sha256()).length;
    List<ScoredImage> scored = new ArrayList<>(present.size());
    for (int from = 0; from < present.size(); from += BATCH) {
      List<LabelledImage> batch = present.subList(from, Math.min(present.size(), from + BATCH));
      float[] flat = new float[batch.size() * width];
      for (int i = 0; i < batch.size(); i++) {
        System.arraycopy(features.get(batch.get(i).sha256()), 0, flat, i * width, width);
      }
      float[][] probabilities = head.run(flat, batch.size());
      float[][] distances = classDistances == null ? null : classDistances.run(flat, batch.size());
      for (int i = 0; i < batch.size(); i++) {
        scored.add(new ScoredImage(batch.get(i), probabilities[i], distances == null ? null : distances[i]));
      }
    }
    return scored;
  }
}
