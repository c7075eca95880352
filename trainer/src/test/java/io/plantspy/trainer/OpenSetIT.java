package io.plantspy.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.fit.ReleaseTrainer;
import io.plantspy.trainer.fit.TrainingRequest;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open-set outcome through real parts: images the model must not answer with a confident class —
 * non-leaf photos and pictures, and leaf classes it was never trained on — come out {@code unknown}.
 */
class OpenSetIT {

  /**
   * A regression floor, not a goal: with the release's seed this head (one view per photo) answered 63.6 % of the
   * unseen classes' photos `unknown` with max-softmax or class distance, where max-softmax alone gave 26.6 %; the
   * release itself (six views) 63.7 %, see its MODEL_CARD.md. Unseen diseases of known crops mostly still get a
   * confident wrong answer, the model's known weak spot.
   */
  private static final double MIN_HELD_OUT_UNKNOWN = 0.55;

  @Test
  void syntheticNonLeafPicturesAreUnknown() throws Exception {
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    List<byte[]> pictures = nonLeafPictures();
    int unknown = 0;
    try (PlantClassifier classifier =
        PlantClassifier.load(ReleaseFiles.current(TestData.models()), InferenceOptions.cpu(2))) {
      for (byte[] picture : pictures) {
        ClassifierAnswer diagnosis = classifier.diagnose(preprocessor.preprocess(picture), 1).get(0);
        unknown += diagnosis.unknown() ? 1 : 0;
      }
    }
    assertThat((double) unknown / pictures.size()).isGreaterThanOrEqualTo(0.9);
  }

  /**
   * Embeds the whole dataset and trains two heads with their class-distance models: minutes on two cores, so not in
   * the default build (which must stay well inside CI's time). Run it with
   * {@code ./mvnw -pl trainer -am verify -Dit.test=OpenSetIT -Dplantspy.full-dataset-its=true} after changing the
   * open-set rule, the calibration or the head; its figures are the model card's.
   */
  @Test
  @EnabledIfSystemProperty(named = "plantspy.full-dataset-its", matches = "true")
  void classesHeldBackFromTrainingMostlyComeOutUnknown(@TempDir Path work) throws Exception {
    List<String> heldOut = List.of("Orange___Haunglongbing_(Citrus_greening)", "Tomato___Target_Spot",
        "Raspberry___healthy");
    TrainingRequest request = TestTraining.on(TestData.dataset(), work.resolve("release"))
        .background(TestData.background()).releaseId("held-out-check").seed(20261127L).head(10, 0.1, 16)
        .holdOut(heldOut).maxLostCorrect(0.02).cache(work.resolve("cache")).request();
    Map<String, Double> result = new ReleaseTrainer(request).run().holdOut();
    assertThat(result.get("held_out_unknown")).isGreaterThanOrEqualTo(MIN_HELD_OUT_UNKNOWN);
    assertThat(result.get("held_out_rule.max_softmax_or_class_distance.lost_correct")).isLessThanOrEqualTo(0.03);
    assertThat(result.get("held_out_unknown"))
        .as("the served rule against max-softmax alone, on the same images")
        .isGreaterThan(result.get("held_out_rule.max_softmax.unknown") + 0.2);
    assertThat(result.get("held_out_in_class_top1")).isGreaterThanOrEqualTo(0.93);
  }

  /** Flat colours, noise, gradients, stripes and text: things a camera or an upload can send that are not leaves. */
  private static List<byte[]> nonLeafPictures() throws Exception {
    List<byte[]> pictures = new ArrayList<>();
    Random random = new Random(5);
    Color[] flats = {Color.BLACK, Color.WHITE, Color.GRAY, Color.RED, Color.BLUE, Color.YELLOW, Color.MAGENTA};
    for (Color flat : flats) {
      pictures.add(png(draw(g -> {
        g.setColor(flat);
        g.fillRect(0, 0, 320, 240);
      })));
    }
    for (int i = 0; i < 5; i++) {
      BufferedImage noise = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 240; y++) {
        for (int x = 0; x < 320; x++) {
          noise.setRGB(x, y, random.nextInt(0x1000000));
        }
      }
      pictures.add(png(noise));
    }
    for (int i = 0; i < 4; i++) {
      int stripe = 4 + i * 6;
      pictures.add(png(draw(g -> {
        for (int x = 0; x < 320; x += stripe * 2) {
          g.setColor(Color.BLACK);
          g.fillRect(x, 0, stripe, 240);
        }
      })));
    }
    for (String text : List.of("INVOICE 2026-11", "Hello, world", "PlantSpy")) {
      pictures.add(png(draw(g -> {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString(text, 20, 130);
      })));
    }
    return pictures;
  }

  private interface Painter {
    void paint(Graphics2D g);
  }

  private static BufferedImage draw(Painter painter) {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 240);
    painter.paint(g);
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
