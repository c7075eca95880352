package io.plantspy.web.api;

/**
 * An API call that failed, with what to tell the user: the RFC 9457 problem's title and detail when the API sent
 * one, else a message key for an unreachable or unreadable API.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String title;
  private final String detail;

  public ApiException(int status, String title, String detail, Throwable cause) {
    super(title + (detail == null ? "" : ": " + detail), cause);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /** The API's HTTP status, or 0 when it could not be reached. */
  public int status() {
    return status;
  }

  /** The problem's title, or {@code null} when the API could not be reached (the page then says so). */
  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The same status, title and detail without the cause: what a redirect carries to the next page. */
  public ApiException withoutCause() {
    return new ApiException(status, title, detail, null);
  }
}
