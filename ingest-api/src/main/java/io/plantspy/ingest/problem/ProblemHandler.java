package io.plantspy.ingest.problem;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every error a handler raises into problem JSON. Spring's own exceptions (bad JSON, missing part,
 * unsupported media type, {@link ApiProblem}) go through the base class; the additions here cover the
 * upload-size limit, which Spring would otherwise report as a generic 400 or 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(DataBufferLimitException.class)
  Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
    return tooLargeResponse();
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex, org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status, ServerWebExchange exchange) {
    // The multipart reader wraps its size-limit failure in a 400 input error; a too-big upload is a 413.
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof DataBufferLimitException) {
        return tooLargeResponse();
      }
    }
    return super.handleServerWebInputException(ex, headers, status, exchange);
  }

  private static Mono<ResponseEntity<Object>> tooLargeResponse() {
    ProblemDetail body = ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
        "the upload is larger than the accepted image size");
    return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body));
  }
}
