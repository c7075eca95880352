package io.plantspy.ingest.problem;

import com.mongodb.MongoException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * upload-size limit, which Spring would otherwise report as a generic 400 or 500, and outages of MongoDB or Kafka
 * (see {@link Outages}), which become 503. Every 503 and 429 carries {@code Retry-After}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private final RetryAfterProperties retryAfter;

  public ProblemHandler(RetryAfterProperties retryAfter) {
    this.retryAfter = retryAfter;
  }

  @ExceptionHandler({MongoException.class, DataAccessException.class,
      org.apache.kafka.common.KafkaException.class, org.springframework.kafka.KafkaException.class})
  Mono<ResponseEntity<Object>> outage(Exception e, ServerWebExchange exchange) {
    return Outages.of(e)
        .map(problem -> handleExceptionInternal(e, problem, null, HttpStatus.SERVICE_UNAVAILABLE, exchange))
        // Not an outage: a bug, left to the default 500.
        .orElseGet(() -> Mono.error(e));
  }

  /** A request whose body stopped arriving (plantspy.limits.read-timeout): the client's fault, not a 500. */
  @ExceptionHandler(ReadTimeoutException.class)
  Mono<ResponseEntity<Object>> stalled(ReadTimeoutException e, ServerWebExchange exchange) {
    return handleExceptionInternal(e, stalledProblem(), null, HttpStatus.REQUEST_TIMEOUT, exchange);
  }

  private static ProblemDetail stalledProblem() {
    return ApiProblem.problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request timed out",
        "the request body stopped arriving; send it again");
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    HttpHeaders withRetry = new HttpHeaders();
    if (headers != null) {
      withRetry.putAll(headers);
    }
    if (!withRetry.containsHeader(HttpHeaders.RETRY_AFTER)) {
      if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
        withRetry.set(HttpHeaders.RETRY_AFTER, RetryAfterProperties.seconds(retryAfter.unavailable()));
      } else if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
        withRetry.set(HttpHeaders.RETRY_AFTER, RetryAfterProperties.seconds(retryAfter.busy()));
      }
    }
    return super.handleExceptionInternal(ex, body, withRetry, status, exchange);
  }

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
      if (t instanceof ReadTimeoutException) {
        return handleExceptionInternal(ex, stalledProblem(), null, HttpStatus.REQUEST_TIMEOUT, exchange);
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
