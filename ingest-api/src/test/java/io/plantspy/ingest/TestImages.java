package io.plantspy.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made on the fly: real small ones, and hostile ones built byte by byte. */
final class TestImages {

  private TestImages() {}

  /** A noisy PNG: noise does not compress, so the size grows with the side (64 px is about 12 KiB). */
  static byte[] png(int side) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    return encode(image, "png");
  }

  static byte[] jpeg(int side) {
    return encode(new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB), "jpeg");
  }

  static byte[] truncatedJpeg() {
    return Arrays.copyOf(jpeg(64), 12);
  }

  /** A PNG signature and IHDR claiming 30000x30000 pixels, with nothing after it: a decompression bomb header. */
  static byte[] pngBomb() {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(30_000).putInt(30_000)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteBuffer out = ByteBuffer.allocate(8 + 12 + 13 + 12);
    out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    out.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr.array());
    CRC32 crc = new CRC32();
    crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
    crc.update(ihdr.array());
    out.putInt((int) crc.getValue());
    out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
    return out.array();
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
