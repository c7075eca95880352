package io.plantspy.ingest.history;

import io.plantspy.ingest.problem.ApiProblem;
import io.plantspy.schemas.Answer;
import io.plantspy.schemas.RequestSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a caller asked of their history, parsed and checked against their roles: a class (a crop such as
 * {@code Tomato}, which needs the role {@code category}, or a {@code Crop___Disease} class, which needs
 * {@code disease}), a source (upload or URL) and a creation-time window {@code [from, to)}. Every field may be absent.
 *
 * @param crop the crop's label ({@code result.category.label}), or null
 * @param predictedClass the {@code Crop___Disease} class ({@code result.predictedClass}), or null
 */
public record HistoryFilter(String crop, String predictedClass, RequestSource source, Instant from, Instant to) {

  private static final Pattern CLASS = Pattern.compile("[\\p{L}\\p{N}_(),.' -]{1,100}");
  /**
   * Sources of the diagnoses a history lists: those the API accepted itself. Bulk job items are read through their
   * job, and feed frames through their device.
   */
  private static final Set<RequestSource> SOURCES = Set.of(RequestSource.UPLOAD, RequestSource.URL);
  static final List<String> LISTED = SOURCES.stream().map(Enum::name).sorted().toList();

  /** Parses the query parameters; a bad one is a 400 problem, a class the caller may not see a 403. */
  public static HistoryFilter parse(String className, String source, String from, String to, Set<Answer> visible) {
    String crop = null;
    String predicted = null;
    if (className != null && !className.isBlank()) {
      if (!CLASS.matcher(className).matches()) {
        throw bad("class must be a crop such as Tomato or a class such as Tomato___Early_blight");
      }
      boolean isClass = className.contains("___");
      Answer needed = isClass ? Answer.DISEASE : Answer.CATEGORY;
      if (!visible.contains(needed)) {
        throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
            "filtering by " + (isClass ? "disease class" : "crop") + " needs the role "
                + needed.name().toLowerCase(Locale.ROOT));
      }
      if (isClass) {
        predicted = className;
      } else {
        crop = className;
      }
    }
    Instant start = instant(from, "from", false);
    Instant end = instant(to, "to", true);
    if (start != null && end != null && !start.isBefore(end)) {
      throw bad("from must be before to");
    }
    return new HistoryFilter(crop, predicted, source(source), start, end);
  }

  private static RequestSource source(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      RequestSource source = RequestSource.valueOf(value.trim().toUpperCase(Locale.ROOT));
      if (SOURCES.contains(source)) {
        return source;
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the accepted values.
    }
    throw bad("source must be upload or url");
  }

  /**
   * An ISO date ({@code 2026-11-28}, a whole UTC day: {@code to} then ends after that day) or an ISO instant
   * ({@code 2026-11-28T10:00:00Z}).
   */
  private static Instant instant(String value, String name, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.trim());
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw bad(name + " must be a date such as 2026-11-28 or an instant such as 2026-11-28T10:00:00Z");
      }
    }
  }

  private static ApiProblem bad(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-field", "Bad parameter", detail);
  }
}
