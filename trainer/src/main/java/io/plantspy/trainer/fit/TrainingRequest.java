package io.plantspy.trainer.fit;

import io.plantspy.trainer.embed.Augmentation;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training run needs.
 *
 * @param backgroundDir folder of non-leaf photos (one class folder), or null
 * @param augmentations views of each training image that are embedded (NONE = the photo itself)
 * @param holdOut classes left out of an extra open-set experiment (trained without them, then shown them)
 */
public record TrainingRequest(
    Path datasetDir,
    Path backgroundDir,
    Path releaseDir,
    String releaseId,
    long seed,
    HeadSettings head,
    List<Augmentation> augmentations,
    Path cacheDir,
    List<String> holdOut,
    double maxLostCorrect) {

  public TrainingRequest {
    augmentations = List.copyOf(augmentations);
    holdOut = List.copyOf(holdOut);
    if (!augmentations.contains(Augmentation.NONE)) {
      throw new IllegalArgumentException("augmentations must include NONE (the photo itself)");
    }
  }
}
