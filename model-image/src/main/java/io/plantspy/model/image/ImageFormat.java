package io.plantspy.model.image;

import java.util.Optional;

/**
 * The image formats PlantSpy accepts, recognised by their magic bytes rather than by file name or
 * declared content type.
 */
public enum ImageFormat {
  JPEG("JPEG", "image/jpeg", "jpeg"),
  PNG("PNG", "image/png", "png"),
  WEBP("WebP", "image/webp", "webp");

  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] RIFF_MAGIC = {'R', 'I', 'F', 'F'};
  private static final byte[] WEBP_MAGIC = {'W', 'E', 'B', 'P'};
  private static final int WEBP_MAGIC_OFFSET = 8;

  /** The fewest leading bytes {@link #sniff} needs to recognise every format. */
  public static final int SNIFF_LENGTH = WEBP_MAGIC_OFFSET + WEBP_MAGIC.length;

  private final String displayName;
  private final String mediaType;
  private final String imageIoFormatName;

  ImageFormat(String displayName, String mediaType, String imageIoFormatName) {
    this.displayName = displayName;
    this.mediaType = mediaType;
    this.imageIoFormatName = imageIoFormatName;
  }

  /** Recognises the format from a file's first bytes; empty when they match no accepted format. */
  public static Optional<ImageFormat> sniff(byte[] head) {
    if (head == null) {
      return Optional.empty();
    }
    if (startsWith(head, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, RIFF_MAGIC) && startsWith(head, WEBP_MAGIC_OFFSET, WEBP_MAGIC)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The IANA media type, e.g. {@code image/jpeg}. */
  public String mediaType() {
    return mediaType;
  }

  /** The name people write, e.g. {@code WebP}, for messages. */
  public String displayName() {
    return displayName;
  }

  String imageIoFormatName() {
    return imageIoFormatName;
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
    if (bytes.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
