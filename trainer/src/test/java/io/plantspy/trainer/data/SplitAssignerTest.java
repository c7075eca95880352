package io.plantspy.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

  private static List<LabelledImage> images(String label, int count) {
    List<LabelledImage> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      images.add(new LabelledImage(Path.of(label, i + ".jpg"), label, String.format("%064x", (label.hashCode() * 1000L + i) & Long.MAX_VALUE)));
    }
    return images;
  }

  @Test
  void splitsEachClassByTheSameFractions() {
    List<LabelledImage> all = new ArrayList<>(images("A___healthy", 100));
    all.addAll(images("B___rot", 50));
    Map<Split, List<LabelledImage>> splits = new SplitAssigner(7, 0.1, 0.2).assign(all);
    assertThat(splits.get(Split.TEST).stream().filter(i -> i.label().startsWith("A"))).hasSize(20);
    assertThat(splits.get(Split.TEST).stream().filter(i -> i.label().startsWith("B"))).hasSize(10);
    assertThat(splits.get(Split.VALIDATION)).hasSize(15);
    assertThat(splits.get(Split.TRAIN)).hasSize(105);
  }

  @Test
  void sameSeedGivesSameSplitWhateverTheInputOrder() {
    List<LabelledImage> all = images("A___healthy", 60);
    List<LabelledImage> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    SplitAssigner assigner = new SplitAssigner(7, 0.1, 0.2);
    assertThat(assigner.assign(reversed).get(Split.TEST))
        .containsExactlyInAnyOrderElementsOf(assigner.assign(all).get(Split.TEST));
    assertThat(new SplitAssigner(8, 0.1, 0.2).assign(all).get(Split.TEST))
        .isNotEqualTo(assigner.assign(all).get(Split.TEST));
  }

  @Test
  void identicalBytesNeverStraddleTwoSplits() {
    List<LabelledImage> all = new ArrayList<>(images("A___healthy", 40));
    for (LabelledImage image : List.copyOf(all)) {
      all.add(new LabelledImage(Path.of("copy-" + image.path()), image.label(), image.sha256()));
    }
    Map<Split, List<LabelledImage>> splits = new SplitAssigner(3, 0.1, 0.2).assign(all);
    for (List<LabelledImage> part : splits.values()) {
      for (LabelledImage image : part) {
        assertThat(part.stream().filter(o -> o.sha256().equals(image.sha256()))).hasSize(2);
      }
    }
  }
}
