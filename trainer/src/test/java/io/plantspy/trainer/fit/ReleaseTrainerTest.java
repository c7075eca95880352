package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.embed.Augmentation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a release end to end on a small generated dataset and serves it with the production classifier. */
class ReleaseTrainerTest {

  @TempDir
  Path work;

  @Test
  void trainsAReleaseThatTheClassifierServes() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    writeImages(dataset.resolve("Testleaf___healthy"), 20, false, 1);
    writeImages(dataset.resolve("Testleaf___Rust"), 20, true, 2);
    writeScenes(background.resolve("Not_a_leaf"), 20);
    Path releaseDir = work.resolve("models/releases/r1");

    TrainingRequest request = new TrainingRequest(dataset, background, releaseDir, "r1", 42,
        new HeadSettings(10, 0.1, 8, 42), List.of(Augmentation.NONE, Augmentation.FLIP_HORIZONTAL),
        work.resolve("cache"), List.of(), 0.05);
    ReleaseTrainer.Outcome outcome = new ReleaseTrainer(request).run();

    ReleaseManifest manifest = ReleaseFiles.readManifest(releaseDir);
    assertThat(manifest.labels()).containsExactlyInAnyOrder("Testleaf___healthy", "Testleaf___Rust", "Not_a_leaf");
    assertThat(manifest.backgroundLabel()).isEqualTo("Not_a_leaf");
    assertThat(manifest.metrics().get("onnx_matches_trainer")).isEqualTo(1.0);
    assertThat(outcome.test().metrics().get("top1_accuracy")).isGreaterThanOrEqualTo(0.75);
    for (String file : List.of("head.onnx", "MODEL_CARD.md", "evaluation/metrics.csv", "evaluation/per-class.csv",
        "evaluation/metrics.md", "evaluation/confusion-matrix.png", "evaluation/test-predictions.csv")) {
      assertThat(releaseDir.resolve(file)).as(file).isRegularFile();
    }

    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    try (PlantClassifier classifier = PlantClassifier.load(releaseDir, InferenceOptions.cpu(1))) {
      byte[] rusty = Files.readAllBytes(Files.list(dataset.resolve("Testleaf___Rust")).sorted().findFirst().orElseThrow());
      ClassifierAnswer diagnosis = classifier.diagnose(preprocessor.preprocess(rusty), 1).get(0);
      assertThat(diagnosis.top3().get(0).label()).isEqualTo("Testleaf___Rust");
    }
  }

  @Test
  void reTrainingWithTheSameSeedGivesTheSameHead() throws Exception {
    Path dataset = work.resolve("dataset");
    writeImages(dataset.resolve("Testleaf___healthy"), 10, false, 3);
    writeImages(dataset.resolve("Testleaf___Rust"), 10, true, 4);
    String[] heads = new String[2];
    for (int run = 0; run < 2; run++) {
      Path releaseDir = work.resolve("run" + run);
      new ReleaseTrainer(new TrainingRequest(dataset, null, releaseDir, "r", 7, new HeadSettings(5, 0.1, 4, 7),
          List.of(Augmentation.NONE), work.resolve("cache"), List.of(), 0.05)).run();
      heads[run] = ReleaseFiles.readManifest(releaseDir).headSha256();
    }
    assertThat(heads[1]).isEqualTo(heads[0]);
  }

  /** Leaf-like pictures: a green ellipse on grey, with rust-coloured spots for the sick class. */
  static void writeImages(Path dir, int count, boolean spots, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(170 + random.nextInt(30), 170 + random.nextInt(30), 170));
      g.fillRect(0, 0, 128, 128);
      g.setColor(new Color(40 + random.nextInt(40), 120 + random.nextInt(50), 40));
      g.fillOval(10 + random.nextInt(10), 20 + random.nextInt(10), 100, 80);
      if (spots) {
        for (int s = 0; s < 40; s++) {
          g.setColor(new Color(180 + random.nextInt(60), 80 + random.nextInt(40), 20));
          g.fillOval(25 + random.nextInt(75), 30 + random.nextInt(60), 5, 5);
        }
      }
      g.dispose();
      ImageIO.write(image, "jpg", dir.resolve(i + ".jpg").toFile());
    }
  }

  /** Non-leaf pictures: sky-and-ground gradients with a few boxes. */
  static void writeScenes(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(99);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90, 140, 230), 0, 120, new Color(120, 100, 80)));
      g.fillRect(0, 0, 160, 120);
      for (int b = 0; b < 4; b++) {
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(random.nextInt(140), 40 + random.nextInt(60), 10 + random.nextInt(30), 10 + random.nextInt(40));
      }
      g.dispose();
      ImageIO.write(image, "jpg", dir.resolve(i + ".jpg").toFile());
    }
  }
}
