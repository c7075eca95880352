package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

  private static final Color[] PALETTE = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
  private static final Map<String, Color> COLOURS =
      Map.of("RED", Color.RED, "GREEN", Color.GREEN, "BLUE", Color.BLUE, "YELLOW", Color.YELLOW);

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  @Test
  void rotatesJpegWithOrientation6Clockwise() throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.halves(40, 20, Color.RED, Color.BLUE));

    BufferedImage upright = preprocessor.decode(ExifFixtures.jpegWithOrientation(jpeg, 6));

    // Turning a landscape picture 90 degrees clockwise brings its left half to the top.
    assertThat(upright.getWidth()).isEqualTo(20);
    assertThat(upright.getHeight()).isEqualTo(40);
    assertThat(TestImages.nearest(upright.getRGB(10, 5), Color.RED, Color.BLUE)).isEqualTo(Color.RED);
    assertThat(TestImages.nearest(upright.getRGB(10, 34), Color.RED, Color.BLUE)).isEqualTo(Color.BLUE);
  }

  // Stored quadrants are RED GREEN over BLUE YELLOW; each row gives the upright corners.
  @ParameterizedTest(name = "orientation {0}")
  @CsvSource({
    "1, RED, GREEN, BLUE, YELLOW",
    "2, GREEN, RED, YELLOW, BLUE",
    "3, YELLOW, BLUE, GREEN, RED",
    "4, BLUE, YELLOW, RED, GREEN",
    "5, RED, BLUE, GREEN, YELLOW",
    "6, BLUE, RED, YELLOW, GREEN",
    "7, YELLOW, GREEN, BLUE, RED",
    "8, GREEN, YELLOW, RED, BLUE"
  })
  void appliesEveryJpegOrientation(int orientation, String topLeft, String topRight, String bottomLeft,
      String bottomRight) throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.rgbyQuadrants(64, 32));

    BufferedImage upright = preprocessor.decode(ExifFixtures.jpegWithOrientation(jpeg, orientation));

    boolean swapsAxes = orientation >= 5;
    assertThat(upright.getWidth()).isEqualTo(swapsAxes ? 32 : 64);
    assertThat(upright.getHeight()).isEqualTo(swapsAxes ? 64 : 32);
    assertCorners(upright, topLeft, topRight, bottomLeft, bottomRight);
  }

  @Test
  void appliesOrientationFromPngExifChunk() throws InvalidImageException {
    byte[] png = TestImages.png(TestImages.rgbyQuadrants(64, 32));

    BufferedImage upright = preprocessor.decode(ExifFixtures.pngWithOrientation(png, 8));

    assertThat(upright.getWidth()).isEqualTo(32);
    assertCorners(upright, "GREEN", "YELLOW", "RED", "BLUE");
  }

  @Test
  void appliesOrientationFromWebpExifChunk() throws InvalidImageException {
    BufferedImage upright = preprocessor.decode(TestImages.resource("quadrants-lossless-orientation6.webp"));

    assertThat(upright.getWidth()).isEqualTo(32);
    assertCorners(upright, "BLUE", "RED", "YELLOW", "GREEN");
  }

  @Test
  void ignoresOrientationOutsideTheEightDefinedValues() throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.rgbyQuadrants(64, 32));

    BufferedImage decoded = preprocessor.decode(ExifFixtures.jpegWithOrientation(jpeg, 9));

    assertThat(decoded.getWidth()).isEqualTo(64);
    assertCorners(decoded, "RED", "GREEN", "BLUE", "YELLOW");
  }

  @Test
  void keepsPixelsAsStoredWhenExifIsMalformed() throws InvalidImageException {
    byte[] jpeg = TestImages.jpeg(TestImages.rgbyQuadrants(64, 32));
    byte[] withExif = ExifFixtures.jpegWithOrientation(jpeg, 6);
    int tiffStart = 2 + 4 + 6;
    withExif[tiffStart] = 'X';
    withExif[tiffStart + 1] = 'X';

    BufferedImage decoded = preprocessor.decode(withExif);

    assertThat(decoded.getWidth()).isEqualTo(64);
    assertCorners(decoded, "RED", "GREEN", "BLUE", "YELLOW");
  }

  private static void assertCorners(BufferedImage image, String topLeft, String topRight, String bottomLeft,
      String bottomRight) {
    int left = image.getWidth() / 4;
    int right = image.getWidth() * 3 / 4;
    int top = image.getHeight() / 4;
    int bottom = image.getHeight() * 3 / 4;
    assertThat(colourAt(image, left, top)).as("top left").isEqualTo(COLOURS.get(topLeft));
    assertThat(colourAt(image, right, top)).as("top right").isEqualTo(COLOURS.get(topRight));
    assertThat(colourAt(image, left, bottom)).as("bottom left").isEqualTo(COLOURS.get(bottomLeft));
    assertThat(colourAt(image, right, bottom)).as("bottom right").isEqualTo(COLOURS.get(bottomRight));
  }

  private static Color colourAt(BufferedImage image, int x, int y) {
    return TestImages.nearest(image.getRGB(x, y), PALETTE);
  }
}
