package io.plantspy.trainer.loop;

import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.SplitAssigner;
import io.plantspy.trainer.data.TrainingData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of one learning-loop run: the base dataset split as the CLI splits it, plus the lab samples, of which
 * a share per class (chosen by content with the seed) is held back for evaluation and never trained on.
 *
 * @param data what the challenger is trained on: train = base train + the lab samples not held back, validation =
 *     base validation (threshold calibration), test = the evaluation images of classes the challenger trains on
 * @param evaluation the run's fixed evaluation set: base test split + held-back lab samples, both models score it
 * @param labTrained lab samples trained on
 * @param labHeldBack lab samples held back for evaluation
 * @param labDuplicates lab samples not used because the same bytes are already in the base set or another sample
 */
public record LoopTrainingSet(TrainingData data, List<LabelledImage> evaluation, List<LabelledImage> labTrained,
    List<LabelledImage> labHeldBack, int labDuplicates) {

  public LoopTrainingSet {
    evaluation = List.copyOf(evaluation);
    labTrained = List.copyOf(labTrained);
    labHeldBack = List.copyOf(labHeldBack);
  }

  /** Adds {@code labSamples} to {@code base} (already split with {@code seed}). */
  public static LoopTrainingSet assemble(TrainingData base, List<LabSampleFile> labSamples, long seed,
      double heldBackShare) {
    Set<String> seen = new HashSet<>();
    base.images().forEach(image -> seen.add(image.sha256()));
    // A stable order whatever order the samples arrived in, so the same samples always give the same run.
    List<LabSampleFile> ordered = labSamples.stream()
        .sorted(Comparator.comparing(LabSampleFile::sha256).thenComparing(LabSampleFile::label)
            .thenComparing(LabSampleFile::sampleId))
        .toList();
    List<LabelledImage> unique = new ArrayList<>();
    int duplicates = 0;
    for (LabSampleFile sample : ordered) {
      if (seen.add(sample.sha256())) {
        unique.add(new LabelledImage(sample.path(), sample.label(), sample.sha256()));
      } else {
        duplicates++;
      }
    }
    List<LabelledImage> heldBack = new ArrayList<>();
    List<LabelledImage> trained = new ArrayList<>(unique);
    if (heldBackShare > 0 && !unique.isEmpty()) {
      // Per class, ordered by sha256(seed:content) and cut: the same rule as the base split's test part.
      Map<Split, List<LabelledImage>> parts = new SplitAssigner(seed, 0, heldBackShare).assign(unique);
      heldBack = parts.get(Split.TEST);
      trained = parts.get(Split.TRAIN);
    }
    List<LabelledImage> train = new ArrayList<>(base.split(Split.TRAIN));
    train.addAll(trained);
    List<LabelledImage> evaluation = new ArrayList<>(base.split(Split.TEST));
    evaluation.addAll(heldBack);
    Set<String> trainedLabels = new HashSet<>();
    train.forEach(image -> trainedLabels.add(image.label()));
    // A class whose every lab sample was held back is unknown to the challenger: it is still in the comparison
    // (where it scores zero) but not in the release's own test report, which only takes the head's labels.
    List<LabelledImage> releaseTest = evaluation.stream().filter(i -> trainedLabels.contains(i.label())).toList();
    Map<Split, List<LabelledImage>> splits = new EnumMap<>(Split.class);
    splits.put(Split.TRAIN, List.copyOf(train));
    splits.put(Split.VALIDATION, base.split(Split.VALIDATION));
    splits.put(Split.TEST, releaseTest);
    List<LabelledImage> images = new ArrayList<>(base.images());
    images.addAll(unique);
    TrainingData data = new TrainingData(List.copyOf(images), base.backgroundLabel(), splits);
    return new LoopTrainingSet(data, evaluation, trained, heldBack, duplicates);
  }

  /** The sorted, distinct sha256 of every image the challenger is trained on. */
  public List<String> trainedSha256s() {
    return data.split(Split.TRAIN).stream().map(LabelledImage::sha256).distinct().sorted().toList();
  }
}
