package io.plantspy.feeds.gateway;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made for the tests: small JPEGs and PNGs of noise (which PNG cannot shrink, so size is easy to reach). */
final class Images {

  private Images() {}

  static byte[] jpeg(int side, long seed) {
    return write(noise(side, seed), "jpeg");
  }

  /** A PNG of random pixels, about {@code 3 * side * side} bytes. */
  static byte[] png(int side, long seed) {
    return write(noise(side, seed), "png");
  }

  static byte[] envelope(byte[] image, String frameId, double lat, double lon, Double alt) {
    return ("{\"image\":\"" + Base64.getEncoder().encodeToString(image) + "\",\"frameId\":\"" + frameId
        + "\",\"capturedAt\":\"2026-05-01T10:00:00Z\",\"lat\":" + lat + ",\"lon\":" + lon
        + (alt == null ? "" : ",\"alt\":" + alt) + ",\"heading\":90.0}").getBytes();
  }

  private static BufferedImage noise(int side, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
