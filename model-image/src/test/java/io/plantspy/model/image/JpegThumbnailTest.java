package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegThumbnailTest {

  @Test
  void scalesTheLongestSideToMaxSideKeepingTheAspectRatioAndColours() throws IOException {
    BufferedImage decoded = TestImages.halves(640, 320, Color.RED, Color.BLUE);

    BufferedImage thumbnail = read(JpegThumbnail.of(decoded, 160, 0.75f));

    assertThat(thumbnail.getWidth()).isEqualTo(160);
    assertThat(thumbnail.getHeight()).isEqualTo(80);
    assertThat(TestImages.nearest(thumbnail.getRGB(20, 40), Color.RED, Color.BLUE)).isEqualTo(Color.RED);
    assertThat(TestImages.nearest(thumbnail.getRGB(140, 40), Color.RED, Color.BLUE)).isEqualTo(Color.BLUE);
  }

  @Test
  void neverEnlargesASmallPhoto() throws IOException {
    BufferedImage thumbnail = read(JpegThumbnail.of(TestImages.filled(40, 30, Color.GREEN), 160, 0.75f));
    assertThat(thumbnail.getWidth()).isEqualTo(40);
    assertThat(thumbnail.getHeight()).isEqualTo(30);
  }

  @Test
  void refusesANonsensicalSizeOrQuality() {
    BufferedImage decoded = TestImages.filled(40, 30, Color.GREEN);
    assertThatThrownBy(() -> JpegThumbnail.of(decoded, 0, 0.75f)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JpegThumbnail.of(decoded, 160, 0f)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTensorOfADecodedImageIsTheTensorOfItsBytes() throws InvalidImageException {
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    byte[] jpeg = TestImages.jpeg(TestImages.photoLike(500, 375, 7));
    float[] batch = new float[2 * LeafImagePreprocessor.TENSOR_LENGTH];

    preprocessor.toTensorInto(preprocessor.decode(jpeg), batch, LeafImagePreprocessor.TENSOR_LENGTH);

    float[] second = java.util.Arrays.copyOfRange(batch, LeafImagePreprocessor.TENSOR_LENGTH, batch.length);
    assertThat(second).containsExactly(preprocessor.preprocess(jpeg));
  }

  private static BufferedImage read(byte[] jpeg) throws IOException {
    assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
