package io.plantspy.ingest.job;

import io.plantspy.ingest.problem.ApiProblem;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The problems a job's body can be refused with, and the check of a customId, shared by the three body readers. */
final class JobProblems {

  static final int CUSTOM_ID_MAX_LENGTH = 512;
  /** Printable characters, no control characters: a customId goes into CSV and JSON lines and logs. */
  private static final Pattern CUSTOM_ID = Pattern.compile("[^\\p{Cntrl}]{1," + CUSTOM_ID_MAX_LENGTH + "}");

  private JobProblems() {}

  static ApiProblem badBody(String slug, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "Bad job", detail);
  }

  static ApiProblem hostileArchive(String slug, String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Archive refused", detail);
  }

  static ApiProblem tooLarge(String slug, String detail) {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, slug, "Job too large", detail);
  }

  static String customId(String value, String where) {
    if (value == null || !CUSTOM_ID.matcher(value).matches()) {
      throw badBody("bad-custom-id", where + ": customId must be 1 to " + CUSTOM_ID_MAX_LENGTH
          + " characters without control characters");
    }
    return value;
  }

  /** The slug of a problem: the last segment of its type URI. */
  static String slugOf(ApiProblem problem) {
    String type = String.valueOf(problem.getBody().getType());
    return type.substring(type.lastIndexOf('/') + 1);
  }
}
