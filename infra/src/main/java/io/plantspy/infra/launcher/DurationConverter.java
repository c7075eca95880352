package io.plantspy.infra.launcher;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads durations as {@code 30s}, {@code 2m} or ISO-8601 ({@code PT30S}) on the command line, and writes them back
 * the short way for the launcher's messages.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  /** {@code 1m30s} for 90 seconds: ISO-8601 without its {@code PT}, in lower case. */
  static String human(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.startsWith("pt")) {
      return Duration.parse(value);
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    long amount = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException("not a duration: " + value + " (use 30s, 2m or PT30S)");
    };
  }
}
