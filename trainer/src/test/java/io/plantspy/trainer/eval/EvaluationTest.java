package io.plantspy.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.release.Thresholds;
import io.plantspy.trainer.data.LabelledImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

  private static final List<String> LABELS = List.of("Apple___healthy", "Apple___scab", "Background", "Tomato___blight");

  private static ScoredImage scored(String label, float... probabilities) {
    return new ScoredImage(new LabelledImage(Path.of(label + ".jpg"), label, "x"), probabilities);
  }

  private final List<ScoredImage> scores = List.of(
      scored("Apple___healthy", 0.9f, 0.05f, 0.0f, 0.05f),   // right
      scored("Apple___scab", 0.6f, 0.3f, 0.0f, 0.1f),        // wrong class, right crop, wrong health
      scored("Tomato___blight", 0.0f, 0.55f, 0.0f, 0.45f),   // wrong crop, right health
      scored("Tomato___blight", 0.1f, 0.1f, 0.0f, 0.3f),     // right but below threshold: unknown
      scored("Background", 0.1f, 0.1f, 0.8f, 0.0f));         // background answered unknown

  @Test
  void computesAnswerAccuraciesAndOpenSetRates() {
    Evaluation e = new Evaluation(LABELS, "Background", new OpenSetRule(LABELS, "Background", new Thresholds(0.4)), scores);
    assertThat(e.metrics().get("top1_accuracy")).isCloseTo(0.5, within(1e-9));
    assertThat(e.metrics().get("category_accuracy")).isCloseTo(0.75, within(1e-9));
    assertThat(e.metrics().get("health_accuracy")).isCloseTo(0.75, within(1e-9));
    assertThat(e.metrics().get("correct_answers_lost_to_unknown")).isCloseTo(0.5, within(1e-9));
    assertThat(e.metrics().get("background_answered_unknown")).isCloseTo(1.0, within(1e-9));
    assertThat(e.confusion()[1][0]).isEqualTo(1);
    ClassScore apple = e.classScores().get(0);
    assertThat(apple.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(apple.recall()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void writesReadableReports(@TempDir Path dir) throws Exception {
    Evaluation e = new Evaluation(LABELS, "Background", new OpenSetRule(LABELS, "Background", new Thresholds(0.4)), scores);
    ReportWriter.write(e, "toy", dir);
    assertThat(Files.readString(dir.resolve("metrics.csv"))).contains("top1_accuracy,0.5000");
    assertThat(Files.readString(dir.resolve("per-class.csv"))).startsWith("class,precision,recall,f1,support");
    assertThat(Files.readString(dir.resolve("metrics.md"))).contains("| top1_accuracy | 0.5000 |");
    var png = javax.imageio.ImageIO.read(dir.resolve("confusion-matrix.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(300);
  }

  @Test
  void perClassScoresReadBackAsWrittenToFourDecimals(@TempDir Path dir) throws Exception {
    Evaluation e = new Evaluation(LABELS, "Background", new OpenSetRule(LABELS, "Background", new Thresholds(0.4)),
        scores);
    ReportWriter.write(e, "toy", dir);
    List<ClassScore> read = ReportReader.classScores(dir);
    assertThat(read).extracting(ClassScore::label).containsExactlyElementsOf(LABELS);
    for (int i = 0; i < LABELS.size(); i++) {
      ClassScore written = e.classScores().get(i);
      assertThat(read.get(i).precision()).isCloseTo(written.precision(), within(1e-4));
      assertThat(read.get(i).f1()).isCloseTo(written.f1(), within(1e-4));
      assertThat(read.get(i).support()).isEqualTo(written.support());
    }
  }

  @Test
  void aDamagedScoreFileIsAnIoErrorNamingTheLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("per-class.csv"), "class,precision,recall,f1,support\nApple___scab,high,1,1,3\n");
    assertThatThrownBy(() -> ReportReader.classScores(dir))
        .isInstanceOf(IOException.class).hasMessageContaining("line 1");
  }
}
