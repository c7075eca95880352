package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each condition changes the photo in the way it is named for, and more so at a higher severity. */
class FieldConditionTest {

  private final BufferedImage photo = SyntheticField.leafPhoto(3);
  private final FieldScene scene = SyntheticField.scene();

  @ParameterizedTest
  @EnumSource(FieldCondition.class)
  void everyConditionChangesThePhoto(FieldCondition condition) {
    BufferedImage changed = condition.apply(photo, 2, new Random(1), scene);
    assertThat(changed.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(SyntheticField.pixels(changed)).isNotEqualTo(SyntheticField.pixels(photo));
  }

  @ParameterizedTest
  @EnumSource(value = FieldCondition.class, names = {"DEFOCUS_BLUR", "MOTION_BLUR", "LOW_RESOLUTION"})
  void blurAndLowResolutionLowerHighFrequencyEnergyMoreAtEachSeverity(FieldCondition condition) {
    double previous = highFrequencyEnergy(photo);
    for (int severity = 1; severity <= FieldCondition.MAX_SEVERITY; severity++) {
      double energy = highFrequencyEnergy(condition.apply(photo, severity, new Random(severity), scene));
      assertThat(energy).as("severity " + severity).isLessThan(previous);
      previous = energy;
    }
  }

  @Test
  void lowerJpegQualityGivesSmallerFilesAndTheConditionRoundTripsThroughJpeg() {
    int previous = Integer.MAX_VALUE;
    for (int severity = 1; severity <= FieldCondition.MAX_SEVERITY; severity++) {
      int size = ImageOps.jpeg(photo, FieldCondition.jpegQuality(severity)).length;
      assertThat(size).as("severity " + severity).isLessThan(previous);
      previous = size;
    }
    BufferedImage compressed = FieldCondition.JPEG.apply(photo, 3, new Random(1), scene);
    assertThat(compressed.getWidth()).isEqualTo(photo.getWidth());
    assertThat(meanAbsoluteDifference(compressed, photo)).isBetween(0.5, 20.0);
  }

  @Test
  void colourTemperatureMovesRedAgainstBlue() {
    double before = redOverBlue(photo);
    boolean warmer = false;
    boolean colder = false;
    for (int seed = 0; seed < 8; seed++) {
      double after = redOverBlue(FieldCondition.COLOUR_TEMPERATURE.apply(photo, 2, new Random(seed), scene));
      warmer |= after > before * 1.2;
      colder |= after < before / 1.2;
      assertThat(Math.abs(Math.log(after / before))).as("seed " + seed).isGreaterThan(Math.log(1.2));
    }
    assertThat(warmer && colder).as("both directions occur").isTrue();
  }

  @Test
  void exposureMakesThePhotoBrighterOrDarkerByAtLeastAThirdOfAStop() {
    double before = meanBrightness(photo);
    for (int seed = 0; seed < 8; seed++) {
      double after = meanBrightness(FieldCondition.EXPOSURE.apply(photo, 1, new Random(seed), scene));
      assertThat(Math.abs(Math.log(after / before) / Math.log(2))).as("seed " + seed).isGreaterThan(0.2);
    }
  }

  @Test
  void compositeKeepsTheLeafPixelsInsideTheMask() {
    LeafMask mask = LeafMask.of(photo);
    Rectangle box = mask.bounds();
    BufferedImage canvas = ImageOps.cover(SyntheticField.background(1), FieldCondition.CANVAS_WIDTH,
        FieldCondition.CANVAS_HEIGHT);
    // Scale 1 and a whole-pixel offset, so every leaf pixel must land unchanged.
    double size = (double) Math.max(box.width, box.height) / canvas.getHeight();
    int dx = 30;
    int dy = 10;
    FieldCondition.drawLeaf(canvas, photo, mask, size, box.getCenterX() + dx, box.getCenterY() + dy, 0);
    int checked = 0;
    for (int y = box.y + 2; y < box.y + box.height - 2; y++) {
      for (int x = box.x + 2; x < box.x + box.width - 2; x++) {
        if (innerLeaf(mask, x, y)) {
          assertThat(canvas.getRGB(x + dx, y + dy) & 0xffffff).as("(%d, %d)", x, y)
              .isEqualTo(photo.getRGB(x, y) & 0xffffff);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  @Test
  void theLeafCanvasOfACompositeMarksWhereTheLeafWasDrawn() {
    for (int severity = 1; severity <= FieldCondition.MAX_SEVERITY; severity++) {
      MaskedScene composite = FieldCondition.compositeWithMask(photo, severity, new Random(severity), scene);
      int[] image = SyntheticField.pixels(composite.image());
      int[] leaf = SyntheticField.pixels(composite.leaf());
      int opaque = 0;
      int green = 0;
      for (int i = 0; i < image.length; i++) {
        if (leaf[i] >>> 24 == 255) {
          opaque++;
          // Where the leaf canvas is opaque the composite shows the leaf's own pixel, drawn the same way.
          assertThat(Math.abs(((image[i] >> 8) & 0xff) - ((leaf[i] >> 8) & 0xff))).isLessThanOrEqualTo(2);
          green += ((image[i] >> 8) & 0xff) > ((image[i] >> 16) & 0xff) ? 1 : 0;
        }
      }
      // The leaf's box is 0.3-0.95 of the frame's height depending on severity: a sizeable, mostly green area.
      assertThat((double) opaque / image.length).as("severity " + severity).isBetween(0.03, 0.7);
      assertThat((double) green / opaque).isGreaterThan(0.9);
    }
  }

  @Test
  void compositeReplacesTheClothWithTheBackgroundPhoto() {
    BufferedImage composite = FieldCondition.COMPOSITE.apply(photo, 3, new Random(4), scene);
    assertThat(composite.getWidth()).isEqualTo(FieldCondition.CANVAS_WIDTH);
    // The cloth is grey (r = g = b - 8 within noise); at severity 3 the leaf covers at most half the height, so
    // most of the frame must be the background photo's colours, not the cloth's.
    int[] pixels = SyntheticField.pixels(composite);
    int cloth = 0;
    for (int p : pixels) {
      int r = (p >> 16) & 0xff;
      int g = (p >> 8) & 0xff;
      int b = p & 0xff;
      cloth += Math.abs(r - g) < 6 && Math.abs(b - r - 8) < 8 && r > 160 && r < 190 ? 1 : 0;
    }
    assertThat((double) cloth / pixels.length).isLessThan(0.05);
  }

  @Test
  void occlusionHidesAboutTheSharePromisedOfTheLeafBox() {
    Rectangle box = LeafMask.of(photo).bounds();
    for (int severity = 1; severity <= FieldCondition.MAX_SEVERITY; severity++) {
      BufferedImage occluded = FieldCondition.OCCLUSION.apply(photo, severity, new Random(severity), scene);
      int changed = 0;
      for (int y = box.y; y < box.y + box.height; y++) {
        for (int x = box.x; x < box.x + box.width; x++) {
          changed += occluded.getRGB(x, y) != photo.getRGB(x, y) ? 1 : 0;
        }
      }
      double share = (double) changed / (box.width * box.height);
      double promised = new double[] {0.10, 0.20, 0.35}[severity - 1];
      // An ellipse covers pi/4 of its box.
      assertThat(share).as("severity " + severity).isBetween(promised * 0.7, promised * 1.05);
    }
  }

  @Test
  void rotationTurnsTheLeafSoItsMaskMoves() {
    LeafMask before = LeafMask.of(photo);
    LeafMask after = LeafMask.of(FieldCondition.ROTATION.apply(photo, 3, new Random(2), scene));
    // An ellipse wider than high, turned by 45-80 degrees, gets a box closer to square.
    double ratioBefore = (double) before.bounds().width / before.bounds().height;
    double ratioAfter = (double) after.bounds().width / after.bounds().height;
    assertThat(ratioAfter).isLessThan(ratioBefore - 0.1);
  }

  @Test
  void severityOutsideOneToThreeIsRefused() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> FieldCondition.JPEG.apply(photo, 4, new Random(1), scene));
  }

  private static boolean innerLeaf(LeafMask mask, int x, int y) {
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        if (!mask.isLeaf(x + dx, y + dy)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Mean squared Laplacian of the grey image: what sharp edges and fine texture contribute. */
  private static double highFrequencyEnergy(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[] grey = new double[w * h];
    int[] pixels = SyntheticField.pixels(image);
    for (int i = 0; i < pixels.length; i++) {
      grey[i] = (((pixels[i] >> 16) & 0xff) + ((pixels[i] >> 8) & 0xff) + (pixels[i] & 0xff)) / 3.0;
    }
    double sum = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double laplacian = 4 * grey[y * w + x] - grey[y * w + x - 1] - grey[y * w + x + 1] - grey[(y - 1) * w + x]
            - grey[(y + 1) * w + x];
        sum += laplacian * laplacian;
      }
    }
    return sum / ((w - 2) * (h - 2));
  }

  private static double redOverBlue(BufferedImage image) {
    double red = 0;
    double blue = 0;
    for (int p : SyntheticField.pixels(image)) {
      red += (p >> 16) & 0xff;
      blue += p & 0xff;
    }
    return red / blue;
  }

  private static double meanBrightness(BufferedImage image) {
    double sum = 0;
    int[] pixels = SyntheticField.pixels(image);
    for (int p : pixels) {
      sum += ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
    }
    return sum / pixels.length;
  }

  private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
    int[] pa = SyntheticField.pixels(a);
    int[] pb = SyntheticField.pixels(b);
    double sum = 0;
    for (int i = 0; i < pa.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        sum += Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff));
      }
    }
    return sum / (pa.length * 3.0);
  }
}
