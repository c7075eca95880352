package io.plantspy.model.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Hand-built PNG byte streams, for headers that no encoder would write on purpose. */
final class PngFixtures {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte BIT_DEPTH_8 = 8;
  private static final byte COLOUR_TYPE_RGB = 2;

  private PngFixtures() {
  }

  /**
   * A PNG whose IHDR claims {@code width x height} RGB pixels, followed by a tiny IDAT holding one
   * compressed row and IEND: a decompression bomb's header without its payload.
   */
  static byte[] headerClaiming(int width, int height) {
    byte[] ihdr = ByteBuffer.allocate(13)
        .putInt(width).putInt(height)
        .put(BIT_DEPTH_8).put(COLOUR_TYPE_RGB).put((byte) 0).put((byte) 0).put((byte) 0)
        .array();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    out.writeBytes(chunk("IHDR", ihdr));
    out.writeBytes(chunk("IDAT", deflate(new byte[64])));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** One chunk: length, type, data and the CRC over type and data. */
  static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length)
        .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
        .array();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    byte[] buffer = new byte[256];
    int length = deflater.deflate(buffer);
    deflater.end();
    return Arrays.copyOf(buffer, length);
  }
}
