package io.plantspy.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recovers the owner of a request record that fails to decode, so its error result can still reach the person
 * who asked. Every version of DiagnosisRequest starts with the strings {@code id} and {@code owner}, right after
 * the 10-byte single-object header, so a record damaged further on (the usual case: a truncated image) still has
 * them. The owner is only trusted when the id read next to it equals the record key.
 */
final class RequestSalvage {

  private static final int HEADER_LENGTH = 10;

  private RequestSalvage() {}

  static Optional<String> owner(byte[] raw, String expectedId) {
    if (raw == null || expectedId == null || raw.length < HEADER_LENGTH
        || raw[0] != (byte) 0xC3 || raw[1] != (byte) 0x01) {
      return Optional.empty();
    }
    int[] position = {HEADER_LENGTH};
    Optional<String> id = readString(raw, position);
    if (id.isEmpty() || !id.get().equals(expectedId)) {
      return Optional.empty();
    }
    return readString(raw, position);
  }

  // Avro string: zig-zag varint length, then UTF-8 bytes. Bounds are checked because the bytes are corrupt.
  private static Optional<String> readString(byte[] raw, int[] position) {
    long encoded = 0;
    int shift = 0;
    while (true) {
      if (position[0] >= raw.length || shift > 28) {
        return Optional.empty();
      }
      int b = raw[position[0]++] & 0xFF;
      encoded |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    long length = (encoded >>> 1) ^ -(encoded & 1);
    if (length < 0 || length > raw.length - position[0]) {
      return Optional.empty();
    }
    String value = new String(raw, position[0], (int) length, StandardCharsets.UTF_8);
    position[0] += (int) length;
    return Optional.of(value);
  }
}
