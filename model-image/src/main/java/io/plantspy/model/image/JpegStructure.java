package io.plantspy.model.image;

/**
 * Walks the marker segments of a JPEG to tell whether it is complete. ImageIO's JPEG readers decode
 * a truncated file without throwing (they only warn and fill the rest with grey), so a cut-off
 * upload would otherwise reach the model as a half-grey leaf.
 */
final class JpegStructure {

  private static final int MARKER_PREFIX = 0xFF;
  private static final int STUFFED_ZERO = 0x00;
  private static final int TEMPORARY = 0x01;
  private static final int FIRST_RESTART = 0xD0;
  private static final int LAST_RESTART = 0xD7;
  private static final int END_OF_IMAGE = 0xD9;
  private static final int START_OF_SCAN = 0xDA;
  private static final int FIRST_SEGMENT_OFFSET = 2;

  private JpegStructure() {
  }

  /**
   * True when the end-of-image marker follows the last scan. Segment lengths are honoured, so an
   * EOI inside an embedded Exif thumbnail does not count; bytes after the real EOI are allowed, as
   * many cameras append data.
   */
  static boolean isComplete(byte[] jpeg) {
    int position = FIRST_SEGMENT_OFFSET;
    while (true) {
      position = nextMarker(jpeg, position);
      if (position < 0 || position + 1 >= jpeg.length) {
        return false;
      }
      int marker = jpeg[position + 1] & 0xFF;
      position += 2;
      if (marker == END_OF_IMAGE) {
        return true;
      }
      if (isStandalone(marker)) {
        continue;
      }
      if (position + 1 >= jpeg.length) {
        return false;
      }
      int segmentLength = ((jpeg[position] & 0xFF) << 8) | (jpeg[position + 1] & 0xFF);
      if (segmentLength < 2) {
        return false;
      }
      position += segmentLength;
      if (marker == START_OF_SCAN) {
        position = endOfEntropyCodedData(jpeg, position);
      }
    }
  }

  // Skips stray bytes and 0xFF fill bytes up to the 0xFF that starts the next marker; -1 if there
  // is none.
  private static int nextMarker(byte[] jpeg, int from) {
    int position = from;
    while (position < jpeg.length && (jpeg[position] & 0xFF) != MARKER_PREFIX) {
      position++;
    }
    while (position + 1 < jpeg.length && (jpeg[position + 1] & 0xFF) == MARKER_PREFIX) {
      position++;
    }
    return position < jpeg.length ? position : -1;
  }

  // Inside a scan, 0xFF is followed by a stuffed zero or a restart marker; anything else ends the
  // scan.
  private static int endOfEntropyCodedData(byte[] jpeg, int from) {
    int position = from;
    while (position + 1 < jpeg.length) {
      if ((jpeg[position] & 0xFF) == MARKER_PREFIX) {
        int next = jpeg[position + 1] & 0xFF;
        if (next != STUFFED_ZERO && !(next >= FIRST_RESTART && next <= LAST_RESTART)) {
          return position;
        }
      }
      position++;
    }
    return jpeg.length;
  }

  private static boolean isStandalone(int marker) {
    return marker == TEMPORARY || (marker >= FIRST_RESTART && marker <= LAST_RESTART);
  }
}
