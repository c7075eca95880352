package io.plantspy.model.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Builds test images in memory and encodes them with the JDK's ImageIO writers. */
final class TestImages {

  private TestImages() {
  }

  static BufferedImage filled(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = new int[width * height];
    Arrays.fill(pixels, color.getRGB() & 0xFFFFFF);
    image.getRaster().setDataElements(0, 0, width, height, pixels);
    return image;
  }

  /** Left half one colour, right half another. */
  static BufferedImage halves(int width, int height, Color left, Color right) {
    BufferedImage image = filled(width, height, left);
    for (int y = 0; y < height; y++) {
      for (int x = width / 2; x < width; x++) {
        image.setRGB(x, y, right.getRGB());
      }
    }
    return image;
  }

  /** Four quadrants of distinct colours, so that every rotation and mirror gives a different picture. */
  static BufferedImage quadrants(int width, int height, Color topLeft, Color topRight, Color bottomLeft,
      Color bottomRight) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean right = x >= width / 2;
        boolean bottom = y >= height / 2;
        Color color = bottom ? (right ? bottomRight : bottomLeft) : (right ? topRight : topLeft);
        image.setRGB(x, y, color.getRGB());
      }
    }
    return image;
  }

  /** Red, green, blue and yellow quadrants, the fixture for orientation and layout checks. */
  static BufferedImage rgbyQuadrants(int width, int height) {
    return quadrants(width, height, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW);
  }

  /** Smooth gradients with seeded noise: compresses like a photo, unlike a flat test pattern. */
  static BufferedImage photoLike(int width, int height, long seed) {
    Random random = new Random(seed);
    int[] pixels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int red = 40 + 120 * x / width + random.nextInt(24);
        int green = 90 + 100 * y / height + random.nextInt(24);
        int blue = 30 + random.nextInt(40);
        pixels[y * width + x] = (red << 16) | (green << 8) | blue;
      }
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.getRaster().setDataElements(0, 0, width, height, pixels);
    return image;
  }

  static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  static byte[] jpeg(BufferedImage image) {
    return jpeg(image, 0.95f);
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Encodes with the first ImageIO writer for the format name, e.g. "gif", "bmp", "tiff". */
  static byte[] encode(BufferedImage image, String formatName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, formatName, bytes)) {
        throw new IllegalStateException("no ImageIO writer for " + formatName);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The palette colour closest to a packed RGB pixel, for checks that must tolerate lossy compression. */
  static Color nearest(int rgb, Color... palette) {
    Color best = palette[0];
    long bestDistance = Long.MAX_VALUE;
    for (Color candidate : palette) {
      long red = ((rgb >> 16) & 0xFF) - candidate.getRed();
      long green = ((rgb >> 8) & 0xFF) - candidate.getGreen();
      long blue = (rgb & 0xFF) - candidate.getBlue();
      long distance = red * red + green * green + blue * blue;
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  static byte[] resource(String name) {
    try (var stream = TestImages.class.getResourceAsStream("/images/" + name)) {
      if (stream == null) {
        throw new IllegalStateException("missing test resource /images/" + name);
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
