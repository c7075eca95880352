package io.plantspy.feeds.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal explained as problem JSON, typed like the other services' ({@code https://plantspy.io/problems/<slug>}),
 * so a client branches on the type, not on the text.
 */
public class FeedProblem extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  public FeedProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, body(status, slug, title, detail), null);
  }

  public static FeedProblem notFound(String what) {
    return new FeedProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
  }

  public static FeedProblem badRequest(String slug, String detail) {
    return new FeedProblem(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
  }

  private static ProblemDetail body(HttpStatus status, String slug, String title, String detail) {
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
