package io.plantspy.model.image;

import java.util.Objects;

/**
 * Thrown when uploaded bytes cannot be accepted as a leaf image. {@link #reason()} is meant for
 * code (an API maps it to a status and problem type); {@link #getMessage()} is a sentence for a
 * person, fit for an RFC 9457 problem {@code detail}, and never contains decoder internals.
 */
public final class InvalidImageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the image was refused. */
  public enum Reason {
    /** No bytes at all. */
    EMPTY,
    /** More bytes than {@link ImageLimits#maxBytes()}. */
    TOO_LARGE,
    /** Not JPEG, PNG or WebP, or no reader for the format is installed. */
    UNSUPPORTED_FORMAT,
    /** Wider or taller than {@link ImageLimits#maxWidth()} or {@link ImageLimits#maxHeight()}. */
    DIMENSIONS_TOO_LARGE,
    /** More pixels than {@link ImageLimits#maxPixels()}: a decompression bomb or an absurd photo. */
    TOO_MANY_PIXELS,
    /** The format is recognised but the data is truncated or malformed. */
    CORRUPT
  }

  private final Reason reason;

  public InvalidImageException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public InvalidImageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
