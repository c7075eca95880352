package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.trainer.SyntheticDataset;
import io.plantspy.trainer.TestData;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.TrainingData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the field-conditions suite evaluates on is ever drawn into a training view. */
class FieldTrainingViewsTest {

  @TempDir
  Path work;

  @Test
  void trainingScenesHoldOnlyTrainingBackgroundsAndLeaves() throws IOException {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.healthyAndRustyLeavesAndScenes(dataset, background, 30);
    TrainingData data = TrainingData.load(dataset, background, 42);
    List<LabelledImage> evaluationOnly = FieldConditionsEvaluator.evaluationBackgroundPhotos(data);
    assertThat(evaluationOnly).isNotEmpty();

    // Every photo the scenes decode is recorded: none may be a test-split photo.
    Set<LabelledImage> decoded = new java.util.HashSet<>();
    Map<String, FieldScene> scenes = FieldTrainingViews.scenes(data, image -> {
      decoded.add(image);
      return read(image);
    });

    Set<LabelledImage> test = Set.copyOf(data.split(io.plantspy.trainer.data.Split.TEST));
    assertThat(decoded).isNotEmpty().noneMatch(test::contains);
    assertThat(FieldTrainingViews.trainingBackgroundPhotos(data)).doesNotContainAnyElementsOf(evaluationOnly);
    assertThat(scenes.values()).allSatisfy(scene ->
        assertThat(scene.backgrounds()).hasSize(FieldTrainingViews.trainingBackgroundPhotos(data).size()));
  }

  @Test
  void onTheSharedPhotosTrainingAndEvaluationBackgroundsShareNoBytes() throws IOException {
    TrainingData data = TrainingData.load(TestData.dataset(), TestData.background(), 20261127);
    Set<String> training = FieldTrainingViews.trainingBackgroundPhotos(data).stream().map(LabelledImage::sha256)
        .collect(Collectors.toSet());
    List<LabelledImage> evaluation = FieldConditionsEvaluator.evaluationBackgroundPhotos(data);
    assertThat(evaluation).hasSizeGreaterThan(40);
    assertThat(evaluation).noneMatch(image -> training.contains(image.sha256()));
  }

  @Test
  void cameraViewsAreTakenByBackgroundPhotosTooSceneViewsByLeavesOnly() throws IOException {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.leaves(dataset.resolve("Testleaf___healthy"), 20, false, 1);
    SyntheticDataset.scenes(background.resolve("Not_a_leaf"), 30);
    TrainingData data = TrainingData.load(dataset, background, 42);
    String backgroundLabel = data.backgroundLabel();

    Map<String, Long> exposure = perClass(FieldTrainingViews.photosFor(data, FieldView.parse("EXPOSURE:3"), 5));
    Map<String, Long> composite = perClass(FieldTrainingViews.photosFor(data, FieldView.parse("COMPOSITE:1"), 5));
    Map<String, Long> everyBlurred = perClass(FieldTrainingViews.photosFor(data, FieldView.parse("DEFOCUS_BLUR:3"), 0));

    assertThat(exposure).containsEntry(backgroundLabel, 5L).containsEntry("Testleaf___healthy", 5L);
    assertThat(composite).doesNotContainKey(backgroundLabel).containsEntry("Testleaf___healthy", 5L);
    assertThat(everyBlurred.get(backgroundLabel))
        .isEqualTo(FieldTrainingViews.trainingBackgroundPhotos(data).size());
  }

  private static Map<String, Long> perClass(List<LabelledImage> photos) {
    return photos.stream().collect(Collectors.groupingBy(LabelledImage::label, Collectors.counting()));
  }

  private static BufferedImage read(LabelledImage image) {
    try {
      return ImageIO.read(image.path().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
