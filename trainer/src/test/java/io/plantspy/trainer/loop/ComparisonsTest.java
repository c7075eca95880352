package io.plantspy.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.LabelConfidence;
import io.plantspy.trainer.data.LabelledImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  private static ClassifierAnswer answer(String label, boolean unknown) {
    return new ClassifierAnswer(label, unknown, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(new LabelConfidence(label, 0.9)));
  }

  private static PairedAnswer pair(String label, int n, boolean champion, boolean challenger) {
    return new PairedAnswer(new LabelledImage(Path.of(n + ".jpg"), label, "%064d".formatted(n)), champion,
        challenger);
  }

  @Test
  void anUnknownAnswerToALeafPhotoIsWrongAndToABackgroundPhotoRight() {
    assertThat(Comparisons.correct("Apple___healthy", answer("Apple___healthy", false), "background")).isTrue();
    assertThat(Comparisons.correct("Apple___healthy", answer("Apple___healthy", true), "background")).isFalse();
    assertThat(Comparisons.correct("Apple___healthy", answer("Apple___Black_rot", false), "background")).isFalse();
    assertThat(Comparisons.correct("background", answer("Apple___healthy", true), "background")).isTrue();
    assertThat(Comparisons.correct("background", answer("Apple___healthy", false), "background")).isFalse();
  }

  @Test
  void theTopClassAloneIgnoresTheUnknownFlagOfALeafPhoto() {
    assertThat(Comparisons.topClassCorrect("Apple___healthy", answer("Apple___healthy", true), "background")).isTrue();
    assertThat(Comparisons.topClassCorrect("Apple___healthy", answer("Apple___scab", true), "background")).isFalse();
    assertThat(Comparisons.topClassCorrect("background", answer("Apple___healthy", false), "background")).isFalse();
  }

  @Test
  void comparesTopOneAndRecallPerClassOnTheSameImages() {
    List<PairedAnswer> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(pair("Apple___healthy", i, true, i < 9));
      answers.add(pair("Tomato___Target_Spot", 100 + i, false, i < 8));
      answers.add(pair("background", 200 + i, i < 5, true));
    }
    Comparison comparison = Comparisons.compare(answers, Set.of("Apple___healthy", "background"), "background",
        null, null);
    assertThat(comparison.images()).isEqualTo(20);
    assertThat(comparison.championTop1()).isEqualTo(0.5);
    assertThat(comparison.challengerTop1()).isEqualTo(0.85);
    assertThat(comparison.classes()).containsExactly(
        new ClassComparison("Apple___healthy", 10, 1.0, 0.9, 1, 0),
        new ClassComparison("Tomato___Target_Spot", 10, Double.NaN, 0.8, 0, 8),
        new ClassComparison("background", 10, 0.5, 1.0, 0, 5));
    // Discordant leaf photos only: one apple only the champion got, eight new-class photos only the challenger.
    assertThat(comparison.mcnemar().championOnly()).isEqualTo(1);
    assertThat(comparison.mcnemar().challengerOnly()).isEqualTo(8);
  }
}
