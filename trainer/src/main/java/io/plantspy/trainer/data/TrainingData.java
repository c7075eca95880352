package io.plantspy.trainer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labelled images a release is trained and evaluated on: the leaf dataset folder plus, optionally, a
 * folder of non-leaf photos whose single class becomes the background label. Split by content with a seed.
 */
public record TrainingData(List<LabelledImage> images, String backgroundLabel, Map<Split, List<LabelledImage>> splits) {

  public static final double VALIDATION_FRACTION = 0.1;
  public static final double TEST_FRACTION = 0.2;

  public static TrainingData load(Path datasetDir, Path backgroundDir, long seed) throws IOException {
    List<LabelledImage> images = new ArrayList<>(DatasetScanner.scan(datasetDir));
    String backgroundLabel = null;
    if (backgroundDir != null) {
      List<LabelledImage> background = DatasetScanner.scan(backgroundDir);
      List<String> labels = background.stream().map(LabelledImage::label).distinct().toList();
      if (labels.size() != 1) {
        throw new IOException("background folder must hold exactly one class folder, found " + labels);
      }
      backgroundLabel = labels.get(0);
      images.addAll(background);
    }
    Map<Split, List<LabelledImage>> splits =
        new SplitAssigner(seed, VALIDATION_FRACTION, TEST_FRACTION).assign(images);
    return new TrainingData(List.copyOf(images), backgroundLabel, splits);
  }

  public List<LabelledImage> split(Split split) {
    return splits.get(split);
  }

  public List<String> labels() {
    return images.stream().map(LabelledImage::label).distinct().sorted().toList();
  }
}
