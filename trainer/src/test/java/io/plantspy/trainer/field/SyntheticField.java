package io.plantspy.trainer.field;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/** Generated photos for the suite's tests: a PlantVillage-like leaf on grey cloth, and scene backgrounds. */
final class SyntheticField {

  static final int SIZE = 256;
  /** The leaf's ellipse: x, y, width, height. */
  static final int[] LEAF = {48, 64, 160, 128};

  private SyntheticField() {}

  /** A green leaf with brown spots and fine veins on noisy grey cloth, with a soft shadow at its lower right. */
  static BufferedImage leafPhoto(long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int grey = 175 + random.nextInt(11) - 5;
        image.setRGB(x, y, (grey << 16) | (grey << 8) | (grey + 8));
      }
    }
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(120, 120, 128));
    g.fillOval(LEAF[0] + 12, LEAF[1] + 12, LEAF[2], LEAF[3]);
    g.setColor(new Color(60, 130, 45));
    g.fillOval(LEAF[0], LEAF[1], LEAF[2], LEAF[3]);
    g.setColor(new Color(90, 160, 70));
    for (int v = 0; v < 40; v++) {
      int x = LEAF[0] + 30 + random.nextInt(LEAF[2] - 60);
      g.drawLine(x, LEAF[1] + 30, x + random.nextInt(20) - 10, LEAF[1] + LEAF[3] - 30);
    }
    g.setColor(new Color(70, 45, 25));
    for (int s = 0; s < 12; s++) {
      g.fillOval(LEAF[0] + 40 + random.nextInt(LEAF[2] - 80), LEAF[1] + 30 + random.nextInt(LEAF[3] - 60), 9, 9);
    }
    g.dispose();
    return image;
  }

  static BufferedImage background(long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 230), 0, 192, new Color(200, 60, 40)));
    g.fillRect(0, 0, 256, 192);
    for (int b = 0; b < 6; b++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
      g.fillRect(random.nextInt(230), random.nextInt(170), 10 + random.nextInt(40), 10 + random.nextInt(40));
    }
    g.dispose();
    return image;
  }

  static FieldScene scene() {
    return new FieldScene(List.of(background(1), background(2)), List.of(leafPhoto(7), leafPhoto(8)));
  }

  static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
