package io.plantspy.model.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Splices a minimal Exif block carrying only an Orientation tag into encoded JPEG and PNG bytes. */
final class ExifFixtures {

  private static final short ORIENTATION_TAG = 0x0112;
  private static final short TYPE_SHORT = 3;
  private static final int JPEG_SOI_LENGTH = 2;
  private static final int PNG_SIGNATURE_AND_IHDR_LENGTH = 8 + 4 + 4 + 13 + 4;

  private ExifFixtures() {
  }

  /** A big-endian TIFF structure whose IFD0 has the single entry Orientation = {@code orientation}. */
  static byte[] orientationTiff(int orientation) {
    return ByteBuffer.allocate(26)
        .put(new byte[] {'M', 'M', 0, 42})
        .putInt(8)
        .putShort((short) 1)
        .putShort(ORIENTATION_TAG).putShort(TYPE_SHORT).putInt(1)
        .putShort((short) orientation).putShort((short) 0)
        .putInt(0)
        .array();
  }

  /** Inserts an APP1 "Exif\0\0" segment right after the SOI marker, where cameras put it. */
  static byte[] jpegWithOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = orientationTiff(orientation);
    byte[] preamble = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int segmentLength = 2 + preamble.length + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, JPEG_SOI_LENGTH);
    out.write(0xFF);
    out.write(0xE1);
    out.write(segmentLength >> 8);
    out.write(segmentLength & 0xFF);
    out.writeBytes(preamble);
    out.writeBytes(tiff);
    out.write(jpeg, JPEG_SOI_LENGTH, jpeg.length - JPEG_SOI_LENGTH);
    return out.toByteArray();
  }

  /** Inserts an eXIf chunk right after IHDR. */
  static byte[] pngWithOrientation(byte[] png, int orientation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, PNG_SIGNATURE_AND_IHDR_LENGTH);
    out.writeBytes(PngFixtures.chunk("eXIf", orientationTiff(orientation)));
    out.write(png, PNG_SIGNATURE_AND_IHDR_LENGTH, png.length - PNG_SIGNATURE_AND_IHDR_LENGTH);
    return out.toByteArray();
  }
}
