package io.plantspy.model.image;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the Exif TIFF block inside a JPEG (APP1 "Exif\0\0"), PNG (eXIf chunk) or WebP (EXIF chunk).
 * Every length read from the file is checked against the bytes actually there before anything is
 * allocated. metadata-extractor 2.19's WebP and PNG readers allocate whatever a chunk header
 * declares: a WebP or PNG of a few hundred bytes made them allocate 1 to 1.4 GB.
 */
final class ExifBlockLocator {

  private static final byte[] JPEG_EXIF_PREAMBLE = {'E', 'x', 'i', 'f', 0, 0};
  private static final int JPEG_FIRST_SEGMENT = 2;
  private static final int JPEG_APP1 = 0xE1;
  private static final int JPEG_START_OF_SCAN = 0xDA;
  private static final int JPEG_END_OF_IMAGE = 0xD9;
  private static final int PNG_FIRST_CHUNK = 8;
  private static final int PNG_CHUNK_OVERHEAD = 12;
  private static final int WEBP_FIRST_CHUNK = 12;
  private static final int RIFF_CHUNK_HEADER = 8;

  private ExifBlockLocator() {
  }

  /** The TIFF structure ("II*\0" or "MM\0*" onwards) of the first Exif block, if there is one. */
  static Optional<byte[]> find(ImageFormat format, byte[] bytes) {
    return switch (format) {
      case JPEG -> findInJpeg(bytes);
      case PNG -> findInPng(bytes);
      case WEBP -> findInWebp(bytes);
    };
  }

  // Metadata segments all precede the first scan, so the walk stops there.
  private static Optional<byte[]> findInJpeg(byte[] bytes) {
    int position = JPEG_FIRST_SEGMENT;
    while (position + 4 <= bytes.length && (bytes[position] & 0xFF) == 0xFF) {
      int marker = bytes[position + 1] & 0xFF;
      if (marker == JPEG_START_OF_SCAN || marker == JPEG_END_OF_IMAGE) {
        break;
      }
      if (marker == 0xFF) {
        position++;
        continue;
      }
      int segmentLength = unsignedShortBigEndian(bytes, position + 2);
      int payloadStart = position + 4;
      int payloadEnd = position + 2 + segmentLength;
      if (segmentLength < 2 || payloadEnd > bytes.length) {
        break;
      }
      if (marker == JPEG_APP1 && startsWith(bytes, payloadStart, payloadEnd, JPEG_EXIF_PREAMBLE)) {
        int tiffStart = payloadStart + JPEG_EXIF_PREAMBLE.length;
        return Optional.of(Arrays.copyOfRange(bytes, tiffStart, payloadEnd));
      }
      position = payloadEnd;
    }
    return Optional.empty();
  }

  private static Optional<byte[]> findInPng(byte[] bytes) {
    long position = PNG_FIRST_CHUNK;
    while (position + PNG_CHUNK_OVERHEAD <= bytes.length) {
      int start = (int) position;
      long length = unsignedIntBigEndian(bytes, start);
      long dataEnd = start + 8 + length;
      if (dataEnd + 4 > bytes.length) {
        break;
      }
      if (isType(bytes, start + 4, "eXIf")) {
        return Optional.of(Arrays.copyOfRange(bytes, start + 8, (int) dataEnd));
      }
      if (isType(bytes, start + 4, "IEND")) {
        break;
      }
      position = dataEnd + 4;
    }
    return Optional.empty();
  }

  private static Optional<byte[]> findInWebp(byte[] bytes) {
    long position = WEBP_FIRST_CHUNK;
    while (position + RIFF_CHUNK_HEADER <= bytes.length) {
      int start = (int) position;
      long size = unsignedIntLittleEndian(bytes, start + 4);
      long dataEnd = start + RIFF_CHUNK_HEADER + size;
      if (dataEnd > bytes.length) {
        break;
      }
      if (isType(bytes, start, "EXIF")) {
        int dataStart = start + RIFF_CHUNK_HEADER;
        // Some writers keep the JPEG "Exif\0\0" preamble inside the WebP chunk; the spec says not
        // to.
        if (startsWith(bytes, dataStart, (int) dataEnd, JPEG_EXIF_PREAMBLE)) {
          dataStart += JPEG_EXIF_PREAMBLE.length;
        }
        return Optional.of(Arrays.copyOfRange(bytes, dataStart, (int) dataEnd));
      }
      // RIFF pads odd-sized chunks to an even length.
      position = dataEnd + (size & 1);
    }
    return Optional.empty();
  }

  private static boolean isType(byte[] bytes, int offset, String type) {
    for (int i = 0; i < 4; i++) {
      if (bytes[offset + i] != type.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    return Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
  }

  private static int unsignedShortBigEndian(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }

  private static long unsignedIntBigEndian(byte[] bytes, int offset) {
    return ((long) (bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
  }

  private static long unsignedIntLittleEndian(byte[] bytes, int offset) {
    return ((long) (bytes[offset + 3] & 0xFF) << 24) | ((bytes[offset + 2] & 0xFF) << 16)
        | ((bytes[offset + 1] & 0xFF) << 8) | (bytes[offset] & 0xFF);
  }
}
