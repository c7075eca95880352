package io.plantspy.model.image;

import static io.plantspy.model.image.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.InvalidImageException.Reason;
import java.awt.Color;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInspectorTest {

  private static final long MEBIBYTE = 1024L * 1024L;

  private final ImageInspector inspector = new ImageInspector(ImageLimits.defaults());

  @Test
  void readsFormatAndDimensionsOfJpegAndPng() throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.filled(40, 30, Color.GREEN));
    byte[] png = TestImages.png(TestImages.filled(41, 31, Color.GREEN));

    assertThat(inspector.inspect(jpeg)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 40, 30));
    assertThat(inspector.inspect(png)).isEqualTo(new ImageInfo(ImageFormat.PNG, 41, 31));
  }

  @Test
  void readsFormatAndDimensionsOfWebp() throws InvalidImageException {
    assertThat(inspector.inspect(TestImages.resource("quadrants-lossless.webp")))
        .isEqualTo(new ImageInfo(ImageFormat.WEBP, 64, 32));
  }

  @Test
  void rejectsPixelBomb() throws InvalidImageException {
    byte[] bomb = PngFixtures.headerClaiming(30_000, 30_000);
    inspector.inspect(TestImages.png(TestImages.filled(8, 8, Color.GREEN)));
    long allocatedBefore = Allocations.currentThread();

    InvalidImageException rejection = rejectionOf(() -> inspector.inspect(bomb));

    long allocated = Allocations.currentThread() - allocatedBefore;
    assertThat(rejection.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
    assertThat(rejection).hasMessage("image is 30000x30000 = 900000000 pixels, above the limit of 50000000");
    // A decoded raster would be 2.7 GB; reading the header costs kilobytes.
    assertThat(allocated).isLessThan(8 * MEBIBYTE);
  }

  @Test
  void rejectsPixelBombUnderPerSideLimits() {
    ImageInspector generousSides =
        new ImageInspector(new ImageLimits(MEBIBYTE, 100_000, 100_000, 50_000_000L));

    InvalidImageException rejection = rejectionOf(
        () -> generousSides.inspect(PngFixtures.headerClaiming(50_000, 1_001)));

    assertThat(rejection.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
  }

  @Test
  void rejectsOverlongSide() {
    InvalidImageException rejection = rejectionOf(
        () -> inspector.inspect(PngFixtures.headerClaiming(12_001, 100)));

    assertThat(rejection.reason()).isEqualTo(Reason.DIMENSIONS_TOO_LARGE);
    assertThat(rejection).hasMessage("image is 12001x100, above the limit of 12000x12000");
  }

  @Test
  void rejectsZeroWidthHeaderAsCorrupt() {
    assertThat(rejectionOf(() -> inspector.inspect(PngFixtures.headerClaiming(0, 100))).reason())
        .isEqualTo(Reason.CORRUPT);
  }

  @Test
  void rejectsEmptyBytes() {
    InvalidImageException rejection = rejectionOf(() -> inspector.inspect(new byte[0]));

    assertThat(rejection.reason()).isEqualTo(Reason.EMPTY);
    assertThat(rejection).hasMessage("image is empty (0 bytes)");
  }

  @Test
  void rejectsNonImageBytes() {
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);

    assertThat(rejectionOf(() -> inspector.inspect(noise)).reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
  }

  @Test
  void rejectsOversizeBytes() {
    byte[] justOverDefault = Arrays.copyOf(TestImages.jpeg(TestImages.filled(8, 8, Color.GREEN)),
        (int) (20 * MEBIBYTE + 1));

    InvalidImageException rejection = rejectionOf(() -> inspector.inspect(justOverDefault));

    assertThat(rejection.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(rejection).hasMessage("image is 20971521 bytes, above the limit of 20971520 bytes");
  }

  @Test
  void rejectsGifAsUnsupported() {
    byte[] gif = TestImages.encode(TestImages.filled(8, 8, Color.GREEN), "gif");

    InvalidImageException rejection = rejectionOf(() -> inspector.inspect(gif));

    assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
    assertThat(rejection).hasMessage("image format is not supported; send a JPEG, PNG or WebP image");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bmp", "tiff"})
  void rejectsBmpAndTiffAsUnsupported(String formatName) {
    byte[] bytes = TestImages.encode(TestImages.filled(8, 8, Color.GREEN), formatName);

    assertThat(rejectionOf(() -> inspector.inspect(bytes)).reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void rejectsGarbageBehindValidMagicAsCorrupt(ImageFormat format) {
    byte[] bytes = new byte[2048];
    new Random(7).nextBytes(bytes);
    byte[] magic = switch (format) {
      case JPEG -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
      case PNG -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
      case WEBP -> new byte[] {'R', 'I', 'F', 'F', 0, 8, 0, 0, 'W', 'E', 'B', 'P'};
    };
    System.arraycopy(magic, 0, bytes, 0, magic.length);

    assertThat(rejectionOf(() -> inspector.inspect(bytes)).reason()).isEqualTo(Reason.CORRUPT);
  }
}
