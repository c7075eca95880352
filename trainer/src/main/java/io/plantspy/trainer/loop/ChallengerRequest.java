package io.plantspy.trainer.loop;

import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.trainer.embed.Augmentation;
import io.plantspy.trainer.field.FieldView;
import io.plantspy.trainer.fit.HeadSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything one learning-loop run needs.
 *
 * @param runId the training run this is, recorded in the challenger's manifest
 * @param releaseId the id of the challenger release to write
 * @param baseDataset the base dataset folder (one folder per class), split by content with {@code seed}
 * @param backgroundDir non-leaf photos (one class folder) answered as unknown, or null
 * @param labSamples the accepted lab samples; a share {@code heldBackShare} per class (chosen by content with the
 *     seed) is held back for evaluation and never trained on
 * @param championDir the served release's folder, scored on the same evaluation images
 * @param workDir where the challenger's release folder and the run's reports (both prediction CSVs, metrics,
 *     decision) are written
 * @param cacheDir the embedding cache shared with the CLI
 * @param fieldViews field conditions the challenger's training leaf photos are also embedded under (empty: none)
 * @param fieldViewPhotosPerClass how many training leaf photos of each class get the field views (0: all)
 * @param trainedChallenger an already trained challenger release folder to compare instead of training one (its
 *     training settings are in its own release.json; it must have been split with the same seed), or null
 * @param backbone the backbone graph the challenger is trained on (each release is scored with its own)
 */
public record ChallengerRequest(
    String runId,
    String releaseId,
    Path baseDataset,
    Path backgroundDir,
    List<LabSampleFile> labSamples,
    Path championDir,
    Path workDir,
    Path cacheDir,
    long seed,
    double heldBackShare,
    HeadSettings head,
    List<Augmentation> augmentations,
    double maxLostCorrect,
    PromotionPolicy policy,
    Consumer<RunProgress> progress,
    List<FieldView> fieldViews,
    int fieldViewPhotosPerClass,
    Path trainedChallenger,
    BackboneGraph backbone) {

  /** A request on the block taps. */
  public ChallengerRequest(String runId, String releaseId, Path baseDataset, Path backgroundDir,
      List<LabSampleFile> labSamples, Path championDir, Path workDir, Path cacheDir, long seed, double heldBackShare,
      HeadSettings head, List<Augmentation> augmentations, double maxLostCorrect, PromotionPolicy policy,
      Consumer<RunProgress> progress, List<FieldView> fieldViews, int fieldViewPhotosPerClass,
      Path trainedChallenger) {
    this(runId, releaseId, baseDataset, backgroundDir, labSamples, championDir, workDir, cacheDir, seed, heldBackShare,
        head, augmentations, maxLostCorrect, policy, progress, fieldViews, fieldViewPhotosPerClass, trainedChallenger,
        BackboneGraph.TAPS);
  }

  /** A request that trains its challenger. */
  public ChallengerRequest(String runId, String releaseId, Path baseDataset, Path backgroundDir,
      List<LabSampleFile> labSamples, Path championDir, Path workDir, Path cacheDir, long seed, double heldBackShare,
      HeadSettings head, List<Augmentation> augmentations, double maxLostCorrect, PromotionPolicy policy,
      Consumer<RunProgress> progress, List<FieldView> fieldViews, int fieldViewPhotosPerClass) {
    this(runId, releaseId, baseDataset, backgroundDir, labSamples, championDir, workDir, cacheDir, seed, heldBackShare,
        head, augmentations, maxLostCorrect, policy, progress, fieldViews, fieldViewPhotosPerClass, null,
        BackboneGraph.TAPS);
  }

  /** A request with field views on every training photo. */
  public ChallengerRequest(String runId, String releaseId, Path baseDataset, Path backgroundDir,
      List<LabSampleFile> labSamples, Path championDir, Path workDir, Path cacheDir, long seed, double heldBackShare,
      HeadSettings head, List<Augmentation> augmentations, double maxLostCorrect, PromotionPolicy policy,
      Consumer<RunProgress> progress, List<FieldView> fieldViews) {
    this(runId, releaseId, baseDataset, backgroundDir, labSamples, championDir, workDir, cacheDir, seed, heldBackShare,
        head, augmentations, maxLostCorrect, policy, progress, fieldViews, 0);
  }

  /** A request without field views. */
  public ChallengerRequest(String runId, String releaseId, Path baseDataset, Path backgroundDir,
      List<LabSampleFile> labSamples, Path championDir, Path workDir, Path cacheDir, long seed, double heldBackShare,
      HeadSettings head, List<Augmentation> augmentations, double maxLostCorrect, PromotionPolicy policy,
      Consumer<RunProgress> progress) {
    this(runId, releaseId, baseDataset, backgroundDir, labSamples, championDir, workDir, cacheDir, seed, heldBackShare,
        head, augmentations, maxLostCorrect, policy, progress, List.of(), 0);
  }

  public ChallengerRequest {
    labSamples = List.copyOf(labSamples);
    augmentations = List.copyOf(augmentations);
    fieldViews = List.copyOf(fieldViews);
    java.util.Objects.requireNonNull(backbone, "backbone");
    if (fieldViewPhotosPerClass < 0) {
      throw new IllegalArgumentException("fieldViewPhotosPerClass must be 0 (all) or more");
    }
    if (heldBackShare < 0 || heldBackShare >= 1) {
      throw new IllegalArgumentException("heldBackShare must be in [0, 1)");
    }
  }
}
