package io.plantspy.model.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeafImageTensorTest {

  private static final int SIZE = LeafImagePreprocessor.SIZE;

  private final LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());

  @Test
  void tensorLayoutIsNhwcRgb() throws InvalidImageException {
    byte[] png = TestImages.png(TestImages.filled(300, 200, new Color(10, 20, 30)));

    float[] tensor = preprocessor.preprocess(png);

    assertThat(tensor).hasSize(LeafImagePreprocessor.TENSOR_LENGTH);
    for (int pixel = 0; pixel < SIZE * SIZE; pixel++) {
      assertThat(tensor[pixel * 3]).isEqualTo(10 / 255f);
      assertThat(tensor[pixel * 3 + 1]).isEqualTo(20 / 255f);
      assertThat(tensor[pixel * 3 + 2]).isEqualTo(30 / 255f);
    }
  }

  @Test
  void tensorRowsRunLeftToRightAndTopToBottom() throws InvalidImageException {
    float[] tensor = preprocessor.preprocess(
        TestImages.png(TestImages.rgbyQuadrants(64, 64)));

    assertThat(rgbAt(tensor, 10, 10)).containsExactly(1f, 0f, 0f);
    assertThat(rgbAt(tensor, SIZE - 10, 10)).containsExactly(0f, 1f, 0f);
    assertThat(rgbAt(tensor, 10, SIZE - 10)).containsExactly(0f, 0f, 1f);
    assertThat(rgbAt(tensor, SIZE - 10, SIZE - 10)).containsExactly(1f, 1f, 0f);
  }

  @Test
  void resizesToTheSquareIgnoringAspectRatioWithoutCropping() throws InvalidImageException {
    byte[] png = TestImages.png(TestImages.halves(900, 300, Color.RED, Color.BLUE));

    float[] tensor = preprocessor.preprocess(png);

    assertThat(rgbAt(tensor, 0, 0)).containsExactly(1f, 0f, 0f);
    assertThat(rgbAt(tensor, SIZE / 2 - 2, SIZE / 2)).containsExactly(1f, 0f, 0f);
    assertThat(rgbAt(tensor, SIZE / 2 + 1, SIZE / 2)).containsExactly(0f, 0f, 1f);
    assertThat(rgbAt(tensor, SIZE - 1, SIZE - 1)).containsExactly(0f, 0f, 1f);
  }

  @Test
  void downscalesFineTextureWithoutAliasing() {
    BufferedImage checkerboard = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1000; y++) {
      for (int x = 0; x < 1000; x++) {
        checkerboard.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
      }
    }

    float[] tensor = preprocessor.toTensor(checkerboard);

    for (float value : tensor) {
      assertThat(value).isCloseTo(0.5f, offset(0.01f));
    }
  }

  @Test
  void preprocessingIsDeterministic() throws InvalidImageException {
    byte[] photo = TestImages.jpeg(TestImages.photoLike(1600, 1200, 5), 0.85f);

    float[] first = preprocessor.preprocess(photo);
    float[] second = preprocessor.preprocess(photo);
    float[] fromAnotherInstance = new LeafImagePreprocessor(ImageLimits.defaults()).preprocess(photo);

    assertThat(second).isEqualTo(first);
    assertThat(fromAnotherInstance).isEqualTo(first);
  }

  @Test
  void givesTheSameResultsWhenSharedBetweenThreads() throws InvalidImageException {
    byte[][] images = IntStream.range(0, 8)
        .mapToObj(seed -> TestImages.jpeg(TestImages.photoLike(500 + 40 * seed, 480, seed)))
        .toArray(byte[][]::new);
    float[][] sequential = new float[images.length][];
    for (int i = 0; i < images.length; i++) {
      sequential[i] = preprocessor.preprocess(images[i]);
    }

    float[][] parallel = IntStream.range(0, images.length * 4).parallel()
        .mapToObj(i -> preprocessUnchecked(images[i % images.length]))
        .toArray(float[][]::new);

    for (int i = 0; i < parallel.length; i++) {
      assertThat(parallel[i]).isEqualTo(sequential[i % images.length]);
    }
  }

  @Test
  void preprocessIntoWritesOneImageAtTheOffset() throws InvalidImageException {
    byte[] png = TestImages.png(TestImages.rgbyQuadrants(50, 50));
    float[] batch = new float[2 * LeafImagePreprocessor.TENSOR_LENGTH];

    preprocessor.preprocessInto(png, batch, LeafImagePreprocessor.TENSOR_LENGTH);

    float[] firstSlot = Arrays.copyOfRange(batch, 0, LeafImagePreprocessor.TENSOR_LENGTH);
    float[] secondSlot = Arrays.copyOfRange(batch, LeafImagePreprocessor.TENSOR_LENGTH, batch.length);
    assertThat(firstSlot).containsOnly(0f);
    assertThat(secondSlot).isEqualTo(preprocessor.preprocess(png));
  }

  @Test
  void preprocessIntoRefusesASlotPastTheBatch() {
    byte[] png = TestImages.png(TestImages.filled(8, 8, Color.GREEN));
    float[] batch = new float[LeafImagePreprocessor.TENSOR_LENGTH];

    assertThatExceptionOfType(IndexOutOfBoundsException.class)
        .isThrownBy(() -> preprocessor.preprocessInto(png, batch, 1));
  }

  private float[] preprocessUnchecked(byte[] bytes) {
    try {
      return preprocessor.preprocess(bytes);
    } catch (InvalidImageException e) {
      throw new AssertionError(e);
    }
  }

  private static float[] rgbAt(float[] tensor, int x, int y) {
    int index = (y * SIZE + x) * 3;
    return Arrays.copyOfRange(tensor, index, index + 3);
  }
}
