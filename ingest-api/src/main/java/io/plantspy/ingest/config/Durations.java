package io.plantspy.ingest.config;

import java.time.Duration;

/** The one check the duration properties share: a timeout, retention or interval of zero or less means nothing. */
public final class Durations {

  private Durations() {}

  /** {@code value}, or an exception naming {@code property} when it is missing, zero or negative. */
  public static Duration requirePositive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
    return value;
  }
}
