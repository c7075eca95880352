package io.plantspy.web.api;

import java.util.function.Supplier;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Runs an API call and turns its failure into an {@link ApiException} that a page can show. */
final class ApiErrors {

  private ApiErrors() {}

  static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RestClientResponseException e) {
      throw fromResponse(e);
    } catch (ResourceAccessException e) {
      throw new ApiException(0, null, null, e);
    } catch (RestClientException e) {
      // An answer that could not be read: say what status it had, never the parser's message.
      throw new ApiException(0, null, null, e);
    }
  }

  static ApiException fromResponse(RestClientResponseException e) {
    ProblemDetail problem = null;
    try {
      problem = e.getResponseBodyAs(ProblemDetail.class);
    } catch (RuntimeException unreadable) {
      // Not a problem document (a proxy's HTML page, say): the status text is all there is.
    }
    return fromProblem(e.getStatusCode().value(), e.getStatusText(), problem, e);
  }

  /** The failure an error status and its problem document (null when the body was not one) stand for. */
  static ApiException fromProblem(int status, String statusText, ProblemDetail problem) {
    return fromProblem(status, statusText, problem, null);
  }

  private static ApiException fromProblem(int status, String statusText, ProblemDetail problem, Throwable cause) {
    String title = problem != null && problem.getTitle() != null ? problem.getTitle() : statusText;
    String detail = problem != null ? problem.getDetail() : null;
    return new ApiException(status, title, detail, cause);
  }
}
