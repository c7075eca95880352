package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.runtime.Sha256;
import io.plantspy.trainer.data.LabelledImage;
import io.plantspy.trainer.data.Split;
import io.plantspy.trainer.data.SplitAssigner;
import io.plantspy.trainer.data.TrainingData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopTrainingSetTest {

  private static final long SEED = 20261127L;

  private static String sha(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static TrainingData base() {
    List<LabelledImage> images = new ArrayList<>();
    for (String label : List.of("Apple___healthy", "Apple___Black_rot")) {
      for (int i = 0; i < 50; i++) {
        images.add(new LabelledImage(Path.of(label, i + ".jpg"), label, sha(label + i)));
      }
    }
    return new TrainingData(images, null, new SplitAssigner(SEED, 0.1, 0.2).assign(images));
  }

  private static List<LabSampleFile> lab(String label, int count) {
    List<LabSampleFile> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(new LabSampleFile("sample-" + label + i, label, sha("lab" + label + i), Path.of("lab", i + ".jpg")));
    }
    return samples;
  }

  @Test
  void holdsBackTheShareOfEachClassAndNeverTrainsOnIt() {
    List<LabSampleFile> samples = new ArrayList<>(lab("Tomato___Target_Spot", 40));
    samples.addAll(lab("Apple___healthy", 10));
    LoopTrainingSet set = LoopTrainingSet.assemble(base(), samples, SEED, 0.25);

    assertThat(set.labHeldBack().stream().filter(i -> i.label().equals("Tomato___Target_Spot"))).hasSize(10);
    assertThat(set.labHeldBack().stream().filter(i -> i.label().equals("Apple___healthy"))).hasSize(3);
    assertThat(set.labTrained()).hasSize(37);
    List<String> heldBack = set.labHeldBack().stream().map(LabelledImage::sha256).toList();
    assertThat(set.data().split(Split.TRAIN)).extracting(LabelledImage::sha256).doesNotContainAnyElementsOf(heldBack);
    assertThat(set.data().split(Split.VALIDATION)).extracting(LabelledImage::sha256)
        .doesNotContainAnyElementsOf(heldBack);
    assertThat(set.trainedSha256s()).doesNotContainAnyElementsOf(heldBack).isSorted()
        .containsAll(set.labTrained().stream().map(LabelledImage::sha256).toList());
    assertThat(set.evaluation()).containsAll(set.labHeldBack()).containsAll(base().split(Split.TEST));
    assertThat(set.evaluation()).hasSize(base().split(Split.TEST).size() + 13);
  }

  @Test
  void theSameSamplesGiveTheSameSplitWhateverTheirOrder() {
    List<LabSampleFile> samples = lab("Tomato___Target_Spot", 40);
    List<LabSampleFile> reversed = new ArrayList<>(samples);
    Collections.reverse(reversed);
    LoopTrainingSet first = LoopTrainingSet.assemble(base(), samples, SEED, 0.2);
    LoopTrainingSet again = LoopTrainingSet.assemble(base(), reversed, SEED, 0.2);
    assertThat(again.labHeldBack()).containsExactlyInAnyOrderElementsOf(first.labHeldBack());
    assertThat(again.trainedSha256s()).isEqualTo(first.trainedSha256s());

    LoopTrainingSet otherSeed = LoopTrainingSet.assemble(base(), samples, SEED + 1, 0.2);
    assertThat(otherSeed.labHeldBack()).isNotEqualTo(first.labHeldBack());
  }

  @Test
  void aLabImageAlreadyInTheBaseSetOrSentTwiceCountsOnce() {
    TrainingData base = base();
    LabelledImage inBaseTest = base.split(Split.TEST).get(0);
    List<LabSampleFile> samples = new ArrayList<>(lab("Tomato___Target_Spot", 10));
    samples.add(new LabSampleFile("copy-of-base", inBaseTest.label(), inBaseTest.sha256(), Path.of("copy.jpg")));
    LabSampleFile first = samples.get(0);
    samples.add(new LabSampleFile("sent-again", first.label(), first.sha256(), Path.of("again.jpg")));

    LoopTrainingSet set = LoopTrainingSet.assemble(base, samples, SEED, 0.2);
    assertThat(set.labDuplicates()).isEqualTo(2);
    assertThat(set.labTrained().size() + set.labHeldBack().size()).isEqualTo(10);
    // The copy of a base test image stays a test image: it is not trained on through the lab.
    assertThat(set.data().split(Split.TRAIN)).extracting(LabelledImage::sha256).doesNotContain(inBaseTest.sha256());
    assertThat(set.evaluation()).filteredOn(i -> i.sha256().equals(first.sha256())).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aShareOfZeroTrainsOnEveryLabSample() {
    LoopTrainingSet set = LoopTrainingSet.assemble(base(), lab("Tomato___Target_Spot", 12), SEED, 0);
    assertThat(set.labHeldBack()).isEmpty();
    assertThat(set.labTrained()).hasSize(12);
    assertThat(set.evaluation()).isEqualTo(base().split(Split.TEST));
  }

  @Test
  void theBaseSplitIsTheOneTheCommandLineTrainsWith() {
    TrainingData base = base();
    LoopTrainingSet set = LoopTrainingSet.assemble(base, lab("Tomato___Target_Spot", 10), SEED, 0.2);
    assertThat(set.data().split(Split.TRAIN)).containsAll(base.split(Split.TRAIN));
    assertThat(set.data().split(Split.VALIDATION)).isEqualTo(base.split(Split.VALIDATION));
  }
}
