package io.plantspy.address;

/** A webhook URL that may not be used: malformed, not http(s), or resolving to a refused address. */
public final class RefusedUrlException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String slug;

  RefusedUrlException(String slug, String message) {
    super(message);
    this.slug = slug;
  }

  /** What kind of refusal, as a problem type: {@code bad-url}, {@code refused-address}, {@code unknown-host}. */
  public String slug() {
    return slug;
  }
}
