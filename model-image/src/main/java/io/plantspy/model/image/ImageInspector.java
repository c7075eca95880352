package io.plantspy.model.image;

import java.util.Objects;

/**
 * Checks uploaded bytes against {@link ImageLimits} in order of cost: file size, magic bytes, then
 * the header's dimensions, all before a single pixel is decoded. Stateless apart from its limits,
 * so safe to share.
 */
public final class ImageInspector {

  private final ImageLimits limits;

  public ImageInspector(ImageLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Returns the format and stored dimensions, or says why the bytes are refused. */
  public ImageInfo inspect(byte[] bytes) throws InvalidImageException {
    try (ImageReaderSession session = openWithinLimits(bytes)) {
      return session.info();
    }
  }

  /** Opens a reader on bytes that passed every cap, ready to decode; the caller closes it. */
  ImageReaderSession openWithinLimits(byte[] bytes) throws InvalidImageException {
    ImageReaderSession session = ImageReaderSession.open(requireAcceptedFormat(bytes), bytes);
    try {
      requireWithinDimensionLimits(session.info());
      return session;
    } catch (InvalidImageException e) {
      session.close();
      throw e;
    }
  }

  private ImageFormat requireAcceptedFormat(byte[] bytes) throws InvalidImageException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new InvalidImageException(InvalidImageException.Reason.EMPTY, "image is empty (0 bytes)");
    }
    if (bytes.length > limits.maxBytes()) {
      throw new InvalidImageException(InvalidImageException.Reason.TOO_LARGE,
          "image is " + bytes.length + " bytes, above the limit of " + limits.maxBytes() + " bytes");
    }
    return ImageFormat.sniff(bytes).orElseThrow(() -> new InvalidImageException(
        InvalidImageException.Reason.UNSUPPORTED_FORMAT,
        "image format is not supported; send a JPEG, PNG or WebP image"));
  }

  private void requireWithinDimensionLimits(ImageInfo info) throws InvalidImageException {
    // Pixels first: a bomb is usually over both caps, and its pixel count is the cost it would
    // inflict.
    if (info.pixelCount() > limits.maxPixels()) {
      throw new InvalidImageException(InvalidImageException.Reason.TOO_MANY_PIXELS,
          "image is " + info.width() + "x" + info.height() + " = " + info.pixelCount()
              + " pixels, above the limit of " + limits.maxPixels());
    }
    if (info.width() > limits.maxWidth() || info.height() > limits.maxHeight()) {
      throw new InvalidImageException(InvalidImageException.Reason.DIMENSIONS_TOO_LARGE,
          "image is " + info.width() + "x" + info.height() + ", above the limit of "
              + limits.maxWidth() + "x" + limits.maxHeight());
    }
  }
}
