package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LeafMaskTest {

  @Test
  void masksTheLeafWithItsSpotsButNotTheClothOrTheShadow() {
    LeafMask mask = LeafMask.of(SyntheticField.leafPhoto(1));
    int[] leaf = SyntheticField.LEAF;
    double cx = leaf[0] + leaf[2] / 2.0;
    double cy = leaf[1] + leaf[3] / 2.0;
    int inside = 0;
    int insideLeaf = 0;
    int outside = 0;
    int outsideLeaf = 0;
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        double e = Math.pow((x + 0.5 - cx) / (leaf[2] / 2.0), 2) + Math.pow((y + 0.5 - cy) / (leaf[3] / 2.0), 2);
        if (e < 0.9) {
          inside++;
          insideLeaf += mask.isLeaf(x, y) ? 1 : 0;
        } else if (e > 1.15) {
          outside++;
          outsideLeaf += mask.isLeaf(x, y) ? 1 : 0;
        }
      }
    }
    assertThat((double) insideLeaf / inside).as("leaf pixels found").isEqualTo(1.0);
    // The shadow (a darker shade of the cloth at the lower right) stays background.
    assertThat((double) outsideLeaf / outside).as("cloth and shadow taken for leaf").isLessThan(0.01);
  }

  @Test
  void aLeafFillingTheFrameIsAllLeaf() {
    BufferedImage photo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setColor(new Color(70, 140, 50));
    g.fillRect(0, 0, 64, 64);
    g.setColor(new Color(150, 110, 40));
    g.fillRect(20, 0, 6, 64);
    g.dispose();
    assertThat(LeafMask.of(photo).coverage()).isEqualTo(1.0);
  }

  @Test
  void aLeafOnBlackClothIsFound() {
    BufferedImage photo = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setColor(new Color(8, 8, 8));
    g.fillRect(0, 0, 100, 100);
    g.setColor(new Color(110, 120, 100));
    g.fillOval(20, 20, 60, 60);
    g.dispose();
    LeafMask mask = LeafMask.of(photo);
    assertThat(mask.isLeaf(50, 50)).isTrue();
    assertThat(mask.isLeaf(5, 5)).isFalse();
    assertThat(mask.bounds()).satisfies(b -> assertThat(b.width).isBetween(58, 62));
  }

  @Test
  void theCutOutKeepsLeafPixelsOpaqueAndUnchangedAndTheClothTransparent() {
    BufferedImage photo = SyntheticField.leafPhoto(2);
    LeafMask mask = LeafMask.of(photo);
    BufferedImage cutOut = mask.cutOut(photo);
    int centre = cutOut.getRGB(128, 128);
    assertThat(centre >>> 24).isEqualTo(255);
    assertThat(centre & 0xffffff).isEqualTo(photo.getRGB(128, 128) & 0xffffff);
    assertThat(cutOut.getRGB(3, 3) >>> 24).isZero();
  }
}
