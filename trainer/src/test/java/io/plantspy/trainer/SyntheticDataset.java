package io.plantspy.trainer;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Small generated datasets for trainer tests, so they run where the PlantVillage photos are absent: clearly
 * distinct classes of leaf-like JPEGs and a background class of scenes.
 */
public final class SyntheticDataset {

  private SyntheticDataset() {}

  /** Two classes of 20 generated leaf photos (healthy, and rusty) and a background class of generated scenes. */
  public static void healthyAndRustyLeavesAndScenes(Path dataset, Path background, int scenes) throws IOException {
    leaves(dataset.resolve("Testleaf___healthy"), 20, false, 1);
    leaves(dataset.resolve("Testleaf___Rust"), 20, true, 2);
    scenes(background.resolve("Not_a_leaf"), scenes);
  }

  /** Leaf-like pictures: a green ellipse on grey, with rust-coloured spots for the sick class. */
  public static void leaves(Path dir, int count, boolean spots, long seed) throws IOException {
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
  public static void scenes(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(99);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 230), 0, 120, new Color(120, 100, 80)));
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
