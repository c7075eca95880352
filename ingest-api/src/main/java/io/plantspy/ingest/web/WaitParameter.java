package io.plantspy.ingest.web;

import io.plantspy.ingest.problem.ApiProblem;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

/** Parses {@code ?wait=}: ISO-8601 ({@code PT5S}) or simple ({@code 5s}, {@code 500ms}; a bare number is seconds). */
final class WaitParameter {

  private WaitParameter() {}

  static Duration parse(String value, Duration max) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    Duration wait;
    try {
      wait = DurationStyle.detectAndParse(value.trim(), ChronoUnit.SECONDS);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-wait", "Bad wait",
          "wait must be a duration such as 5s, 500ms or PT5S, not '" + value + "'");
    }
    if (wait.isNegative()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-wait", "Bad wait", "wait must not be negative");
    }
    // Capped rather than refused: a client asking for more simply gets the longest wait on offer.
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
