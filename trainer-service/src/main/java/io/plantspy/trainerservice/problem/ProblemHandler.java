package io.plantspy.trainerservice.problem;

import com.mongodb.MongoException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as problem JSON: Spring's own (bad parameters, unknown paths, {@link ApiProblem}) through the base
 * class; MongoDB or Kafka unreachable as 503 with {@code Retry-After}, never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler({MongoException.class, DataAccessException.class,
      org.apache.kafka.common.KafkaException.class, StoreUnavailableException.class})
  ResponseEntity<Object> outage(Exception e, WebRequest request) {
    ProblemDetail body = ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
        "Store unavailable", "MongoDB or Kafka did not answer: " + e.getMessage());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "10");
    return handleExceptionInternal(e, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
  }
}
