package io.plantspy.model.image;

import static io.plantspy.model.image.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.image.InvalidImageException.Reason;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebpDecodingTest {

  private static final Color[] PALETTE = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  // imageio-webp is a dependency of this module, so a missing reader is a registration bug, not a
  // reason to skip.
  @Test
  void decodesLosslessWebpExactly() throws InvalidImageException {
    BufferedImage decoded = preprocessor.decode(TestImages.resource("quadrants-lossless.webp"));

    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(decoded.getHeight()).isEqualTo(32);
    assertThat(decoded.getRGB(16, 8) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(decoded.getRGB(48, 8) & 0xFFFFFF).isEqualTo(0x00FF00);
    assertThat(decoded.getRGB(16, 24) & 0xFFFFFF).isEqualTo(0x0000FF);
    assertThat(decoded.getRGB(48, 24) & 0xFFFFFF).isEqualTo(0xFFFF00);
  }

  @Test
  void decodesLossyWebp() throws InvalidImageException {
    BufferedImage decoded = preprocessor.decode(TestImages.resource("quadrants-lossy.webp"));

    assertThat(TestImages.nearest(decoded.getRGB(16, 8), PALETTE)).isEqualTo(Color.RED);
    assertThat(TestImages.nearest(decoded.getRGB(48, 8), PALETTE)).isEqualTo(Color.GREEN);
    assertThat(TestImages.nearest(decoded.getRGB(16, 24), PALETTE)).isEqualTo(Color.BLUE);
    assertThat(TestImages.nearest(decoded.getRGB(48, 24), PALETTE)).isEqualTo(Color.YELLOW);
  }

  @Test
  void decodesLargeWebpSubsampled() throws InvalidImageException {
    BufferedImage decoded = preprocessor.decode(TestImages.resource("gradient-1200x900.webp"));

    assertThat(decoded.getWidth()).isEqualTo(600);
    assertThat(decoded.getHeight()).isEqualTo(450);
  }

  @Test
  void rejectsTruncatedWebp() {
    byte[] webp = TestImages.resource("gradient-1200x900.webp");

    assertThat(rejectionOf(() -> preprocessor.decode(Arrays.copyOf(webp, webp.length / 2))).reason())
        .isEqualTo(Reason.CORRUPT);
  }
}
