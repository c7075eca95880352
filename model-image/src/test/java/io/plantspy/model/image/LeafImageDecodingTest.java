package io.plantspy.model.image;

import static io.plantspy.model.image.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.InvalidImageException.Reason;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeafImageDecodingTest {

  private static final int SIZE = LeafImagePreprocessor.SIZE;

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  @Test
  void decodesSmallLeafAtFullSize() throws InvalidImageException {
    BufferedImage decoded = preprocessor.decode(TestImages.jpeg(TestImages.photoLike(256, 256, 1)));

    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.getWidth()).isEqualTo(256);
    assertThat(decoded.getHeight()).isEqualTo(256);
  }

  @Test
  void decodesLargePhotoSubsampled() throws InvalidImageException {
    byte[] photo = TestImages.jpeg(TestImages.photoLike(3000, 2000, 2), 0.85f);

    BufferedImage decoded = preprocessor.decode(photo);
    float[] tensor = preprocessor.preprocess(photo);

    int shorterSide = Math.min(decoded.getWidth(), decoded.getHeight());
    assertThat(shorterSide).isBetween(2 * SIZE, 4 * SIZE);
    assertThat(decoded.getWidth()).isGreaterThan(decoded.getHeight());
    assertThat(tensor).hasSize(SIZE * SIZE * 3);
    for (float value : tensor) {
      assertThat(value).isBetween(0f, 1f);
    }
  }

  @Test
  void doesNotSubsampleWhenThatWouldTakeTheShorterSideBelowTwiceTheModelSize() throws InvalidImageException {
    int justUnderTwoSteps = 2 * (2 * SIZE) - 1;
    byte[] png = TestImages.png(TestImages.filled(justUnderTwoSteps, 1000, Color.GREEN));

    BufferedImage decoded = preprocessor.decode(png);

    assertThat(decoded.getWidth()).isEqualTo(justUnderTwoSteps);
    assertThat(decoded.getHeight()).isEqualTo(1000);
  }

  @Test
  void decodesPngWithAlpha() throws InvalidImageException {
    BufferedImage argb = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        argb.setRGB(x, y, x < 20 ? 0xFFFF0000 : x < 30 ? 0x00000000 : 0x800000FF);
      }
    }

    BufferedImage decoded = preprocessor.decode(TestImages.png(argb));

    assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(decoded.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(decoded.getRGB(25, 5) & 0xFFFFFF).as("transparent on white").isEqualTo(0xFFFFFF);
    Color halfBlueOnWhite = new Color(decoded.getRGB(35, 5));
    assertThat(halfBlueOnWhite.getRed()).isBetween(125, 129);
    assertThat(halfBlueOnWhite.getGreen()).isBetween(125, 129);
    assertThat(halfBlueOnWhite.getBlue()).isEqualTo(255);
  }

  @Test
  void decodesPalettePng() throws InvalidImageException {
    byte[] reds = {(byte) 200, 10};
    byte[] greens = {30, (byte) 180};
    byte[] blues = {40, 20};
    BufferedImage indexed = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(1, 2, reds, greens, blues));
    indexed.getRaster().setSample(15, 7, 0, 1);

    BufferedImage decoded = preprocessor.decode(TestImages.png(indexed));

    assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xC81E28);
    assertThat(decoded.getRGB(15, 7) & 0xFFFFFF).isEqualTo(0x0AB414);
  }

  @Test
  void decodesGrayscaleJpegWithoutShiftingTone() throws InvalidImageException {
    BufferedImage gray = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        gray.getRaster().setSample(x, y, 0, 128);
      }
    }

    Color decoded = new Color(preprocessor.decode(TestImages.jpeg(gray)).getRGB(16, 16));

    assertThat(decoded.getRed()).isBetween(126, 130);
    assertThat(decoded.getGreen()).isEqualTo(decoded.getRed());
    assertThat(decoded.getBlue()).isEqualTo(decoded.getRed());
  }

  @Test
  void decodesSixteenBitGrayPngWithoutShiftingTone() throws InvalidImageException {
    BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        gray.getRaster().setSample(x, y, 0, 128 * 257);
      }
    }

    BufferedImage decoded = preprocessor.decode(TestImages.png(gray));

    assertThat(decoded.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void decodesCmykJpeg() throws InvalidImageException {
    BufferedImage decoded = preprocessor.decode(TestImages.resource("quadrants-cmyk.jpg"));

    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(decoded.getHeight()).isEqualTo(32);
    Color[] palette = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
    assertThat(TestImages.nearest(decoded.getRGB(16, 8), palette)).isEqualTo(Color.RED);
    assertThat(TestImages.nearest(decoded.getRGB(48, 8), palette)).isEqualTo(Color.GREEN);
    assertThat(TestImages.nearest(decoded.getRGB(16, 24), palette)).isEqualTo(Color.BLUE);
    assertThat(TestImages.nearest(decoded.getRGB(48, 24), palette)).isEqualTo(Color.YELLOW);
  }

  @Test
  void rejectsTruncatedJpeg() {
    byte[] jpeg = TestImages.jpeg(TestImages.photoLike(300, 200, 3));
    byte[] firstHalf = Arrays.copyOf(jpeg, jpeg.length / 2);

    InvalidImageException rejection = rejectionOf(() -> preprocessor.decode(firstHalf));

    assertThat(rejection.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(rejection).hasMessageContaining("truncated");
  }

  @Test
  void acceptsJpegWithBytesAfterItsEndMarker() throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.filled(32, 32, Color.GREEN));
    byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + 100);

    assertThat(preprocessor.decode(withTrailer).getWidth()).isEqualTo(32);
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] png = TestImages.png(TestImages.photoLike(300, 200, 4));

    assertThat(rejectionOf(() -> preprocessor.decode(Arrays.copyOf(png, png.length / 2))).reason())
        .isEqualTo(Reason.CORRUPT);
  }

  @Test
  void rejectsPixelBombBeforeDecoding() {
    assertThat(rejectionOf(() -> preprocessor.decode(PngFixtures.headerClaiming(30_000, 30_000))).reason())
        .isEqualTo(Reason.TOO_MANY_PIXELS);
  }
}
