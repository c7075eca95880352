package io.plantspy.webhooks.signing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random bytes. The HMAC key
 * is the decoded bytes, not the text.
 */
public record WebhookSecret(String value) {

  public static final String PREFIX = "whsec_";
  public static final int MIN_BYTES = 24;
  public static final int MAX_BYTES = 64;

  public WebhookSecret {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    int length;
    try {
      length = Base64.getDecoder().decode(value.substring(PREFIX.length())).length;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a webhook secret is " + PREFIX + " and base64", e);
    }
    if (length < MIN_BYTES || length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + length);
    }
  }

  /** A new random secret of {@code bytes} bytes. */
  public static WebhookSecret generate(SecureRandom random, int bytes) {
    if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
      throw new IllegalArgumentException("secret length must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
    }
    byte[] key = new byte[bytes];
    random.nextBytes(key);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** Never the secret itself: records end up in logs. */
  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
