package io.plantspy.ingest.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the API explains to the caller as RFC 9457 problem JSON. Being an {@link ErrorResponseException},
 * Spring renders it with its status and detail wherever it is thrown inside a handler.
 */
public class ApiProblem extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  public ApiProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, problem(status, slug, title, detail), null);
  }

  public ApiProblem(HttpStatus status, String slug, String title, String detail, Throwable cause) {
    super(status, problem(status, slug, title, detail), cause);
  }

  /** Builds the body; {@code slug} names the problem type so clients can branch on it without parsing text. */
  public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("https://plantspy.io/problems/" + slug));
    body.setTitle(title);
    return body;
  }

  @Override
  public String getMessage() {
    return getStatusCode() + " " + getBody().getDetail();
  }
}
