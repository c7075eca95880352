package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifBlockLocatorTest {

  private final byte[] jpeg = TestImages.jpeg(TestImages.filled(16, 8, Color.GREEN));
  private final byte[] png = TestImages.png(TestImages.filled(16, 8, Color.GREEN));

  @Test
  void findsTheTiffBlockOfAJpegApp1Segment() {
    assertThat(ExifBlockLocator.find(ImageFormat.JPEG, ExifFixtures.jpegWithOrientation(jpeg, 3)))
        .hasValueSatisfying(tiff -> assertThat(tiff).isEqualTo(ExifFixtures.orientationTiff(3)));
  }

  @Test
  void findsThePngExifChunk() {
    assertThat(ExifBlockLocator.find(ImageFormat.PNG, ExifFixtures.pngWithOrientation(png, 3)))
        .hasValueSatisfying(tiff -> assertThat(tiff).isEqualTo(ExifFixtures.orientationTiff(3)));
  }

  @Test
  void findsTheWebpExifChunk() {
    byte[] webp = TestImages.resource("quadrants-lossless-orientation6.webp");

    assertThat(ExifBlockLocator.find(ImageFormat.WEBP, webp))
        .hasValueSatisfying(tiff -> assertThat(tiff).isEqualTo(ExifFixtures.orientationTiff(6)));
  }

  @Test
  void stripsAJpegStylePreambleInsideAWebpChunk() {
    byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), ExifFixtures.orientationTiff(8));

    assertThat(ExifBlockLocator.find(ImageFormat.WEBP, webpWithChunk("EXIF", payload.length, payload)))
        .hasValueSatisfying(tiff -> assertThat(tiff).isEqualTo(ExifFixtures.orientationTiff(8)));
  }

  @Test
  void findsNothingInImagesWithoutExif() {
    assertThat(ExifBlockLocator.find(ImageFormat.JPEG, jpeg)).isEmpty();
    assertThat(ExifBlockLocator.find(ImageFormat.PNG, png)).isEmpty();
    assertThat(ExifBlockLocator.find(ImageFormat.WEBP, TestImages.resource("quadrants-lossless.webp")))
        .isEmpty();
  }

  @Test
  void ignoresAWebpChunkDeclaringMoreBytesThanTheFileHas() {
    byte[] tiff = ExifFixtures.orientationTiff(6);

    assertThat(ExifBlockLocator.find(ImageFormat.WEBP, webpWithChunk("EXIF", 0x7FFF_FFF0, tiff))).isEmpty();
  }

  @Test
  void ignoresAPngChunkDeclaringMoreBytesThanTheFileHas() {
    byte[] withExif = ExifFixtures.pngWithOrientation(png, 6);
    int exifLengthOffset = 8 + 25;
    ByteBuffer.wrap(withExif).putInt(exifLengthOffset, 0x7FFF_FFF0);

    assertThat(ExifBlockLocator.find(ImageFormat.PNG, withExif)).isEmpty();
  }

  @Test
  void ignoresAJpegSegmentRunningPastTheEnd() {
    byte[] withExif = ExifFixtures.jpegWithOrientation(jpeg, 6);
    byte[] cut = Arrays.copyOf(withExif, 20);

    assertThat(ExifBlockLocator.find(ImageFormat.JPEG, cut)).isEmpty();
  }

  private static byte[] webpWithChunk(String type, int declaredSize, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(littleEndian(4 + 8 + payload.length));
    out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(littleEndian(declaredSize));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] littleEndian(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
