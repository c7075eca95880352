package io.plantspy.webhooks.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal explained as problem JSON, typed like the ingest API's ({@code https://plantspy.io/problems/<slug>}),
 * so a client branches on the type, not on the text.
 */
public class WebhookProblem extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  public WebhookProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, body(status, slug, title, detail), null);
  }

  public static WebhookProblem notFound(String what) {
    return new WebhookProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
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
