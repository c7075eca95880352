package io.plantspy.trainerservice.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal explained to the caller as problem JSON; Spring renders it with its status wherever a handler throws
 * it. The type names the problem ({@code https://plantspy.io/problems/<slug>}) so clients can branch on it.
 */
public class ApiProblem extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  public ApiProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, problem(status, slug, title, detail), null);
  }

  public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("https://plantspy.io/problems/" + slug));
    body.setTitle(title);
    return body;
  }

  public static ApiProblem notFound(String what, String id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " " + id);
  }
}
