package io.plantspy.trainer.fit;

import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.field.FieldView;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training run needs.
 *
 * @param backgroundDir folder of non-leaf photos (one class folder), or null
 * @param augmentations views of each training image that are embedded (NONE = the photo itself)
 * @param holdOut classes left out of an extra open-set experiment (trained without them, then shown them)
 * @param fieldViews field conditions the training leaf photos are also embedded under (domain randomisation, on
 *     training-split backgrounds only); empty for none
 * @param fieldViewPhotosPerClass how many training leaf photos of each class get the field views (0: all)
 * @param backbone the backbone graph whose features the head learns (the release then serves with it)
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
    double maxLostCorrect,
    List<FieldView> fieldViews,
    int fieldViewPhotosPerClass,
    BackboneGraph backbone) {

  /** A request without field views. */
  public TrainingRequest(Path datasetDir, Path backgroundDir, Path releaseDir, String releaseId, long seed,
      HeadSettings head, List<Augmentation> augmentations, Path cacheDir, List<String> holdOut,
      double maxLostCorrect) {
    this(datasetDir, backgroundDir, releaseDir, releaseId, seed, head, augmentations, cacheDir, holdOut,
        maxLostCorrect, List.of(), 0);
  }

  /** A request on the block taps, the backbone releases were first trained on. */
  public TrainingRequest(Path datasetDir, Path backgroundDir, Path releaseDir, String releaseId, long seed,
      HeadSettings head, List<Augmentation> augmentations, Path cacheDir, List<String> holdOut,
      double maxLostCorrect, List<FieldView> fieldViews, int fieldViewPhotosPerClass) {
    this(datasetDir, backgroundDir, releaseDir, releaseId, seed, head, augmentations, cacheDir, holdOut,
        maxLostCorrect, fieldViews, fieldViewPhotosPerClass, BackboneGraph.TAPS);
  }

  public TrainingRequest {
    augmentations = List.copyOf(augmentations);
    holdOut = List.copyOf(holdOut);
    fieldViews = List.copyOf(fieldViews);
    java.util.Objects.requireNonNull(backbone, "backbone");
    if (fieldViewPhotosPerClass < 0) {
      throw new IllegalArgumentException("fieldViewPhotosPerClass must be 0 (all) or more");
    }
    if (!augmentations.contains(Augmentation.NONE)) {
      throw new IllegalArgumentException("augmentations must include NONE (the photo itself)");
    }
  }
}
