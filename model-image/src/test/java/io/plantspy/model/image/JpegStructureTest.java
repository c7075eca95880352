package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class JpegStructureTest {

  private final byte[] baseline = TestImages.jpeg(TestImages.photoLike(120, 80, 11));

  @Test
  void acceptsCompleteBaselineJpeg() {
    assertThat(JpegStructure.isComplete(baseline)).isTrue();
  }

  @Test
  void acceptsCompleteProgressiveJpegWithItsManyScans() throws IOException {
    assertThat(JpegStructure.isComplete(progressiveJpeg(TestImages.photoLike(120, 80, 12)))).isTrue();
  }

  @Test
  void acceptsBytesAfterTheEndMarker() {
    assertThat(JpegStructure.isComplete(Arrays.copyOf(baseline, baseline.length + 37))).isTrue();
  }

  @Test
  void rejectsJpegCutAtHalf() {
    assertThat(JpegStructure.isComplete(Arrays.copyOf(baseline, baseline.length / 2))).isFalse();
  }

  @Test
  void rejectsJpegMissingOnlyItsEndMarker() {
    assertThat(JpegStructure.isComplete(Arrays.copyOf(baseline, baseline.length - 2))).isFalse();
  }

  @Test
  void rejectsProgressiveJpegCutBetweenScans() throws IOException {
    byte[] progressive = progressiveJpeg(TestImages.photoLike(120, 80, 13));

    assertThat(JpegStructure.isComplete(Arrays.copyOf(progressive, progressive.length * 2 / 3))).isFalse();
  }

  @Test
  void ignoresEndMarkerInsideAMetadataSegment() {
    byte[] comment = "thumbnail \u00FF\u00D9 ends here".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream withComment = new ByteArrayOutputStream();
    withComment.write(baseline, 0, 2);
    withComment.write(0xFF);
    withComment.write(0xFE);
    withComment.write(0);
    withComment.write(comment.length + 2);
    withComment.writeBytes(comment);
    withComment.write(baseline, 2, baseline.length / 2);

    assertThat(JpegStructure.isComplete(withComment.toByteArray())).isFalse();
  }

  @Test
  void rejectsSegmentLengthRunningPastTheEnd() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F, 0x00, 1, 2, 3};

    assertThat(JpegStructure.isComplete(bytes)).isFalse();
  }

  private static byte[] progressiveJpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    assertThat(countStartOfScanMarkers(jpeg)).as("scans in the progressive fixture").isGreaterThan(1);
    return jpeg;
  }

  private static int countStartOfScanMarkers(byte[] jpeg) {
    int count = 0;
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
        count++;
      }
    }
    return count;
  }
}
