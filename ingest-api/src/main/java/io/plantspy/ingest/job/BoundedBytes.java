package io.plantspy.ingest.job;

import java.io.ByteArrayOutputStream;

/**
 * Collects the bytes of one image up to a cap; past the cap it keeps counting but drops them, so an oversized image
 * is read to its end (the body goes on after it) without being held, and becomes a failed item.
 */
final class BoundedBytes {

  private final long cap;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long seen;

  BoundedBytes(long cap) {
    this.cap = cap;
  }

  void add(byte[] chunk, int length) {
    seen += length;
    if (seen <= cap) {
      bytes.write(chunk, 0, length);
    } else if (bytes.size() > 0) {
      bytes.reset();
    }
  }

  long seen() {
    return seen;
  }

  boolean overCap() {
    return seen > cap;
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }
}
