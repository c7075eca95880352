package io.plantspy.ingest.problem;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.Optional;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Tells an outage of a backing service (MongoDB unreachable or timing out, Kafka unavailable) from a bug: an outage
 * is a 503 the client may retry, anything else stays a 500. Looks through the whole cause chain, since Spring Data
 * and Spring Kafka wrap the driver's exceptions.
 */
public final class Outages {

  private Outages() {}

  /** The 503 problem for {@code error} if it means a backing service is unavailable. */
  public static Optional<ProblemDetail> of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
          || t instanceof MongoExecutionTimeoutException || t instanceof MongoNotPrimaryException
          || t instanceof MongoNodeIsRecoveringException) {
        return Optional.of(ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
            "Store unavailable", "the diagnosis store cannot be reached; retry later"));
      }
      if (t instanceof RetriableException || t instanceof org.apache.kafka.common.errors.TimeoutException) {
        return Optional.of(ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "queue-unavailable",
            "Cannot accept now", "the request could not be queued for diagnosis; retry later"));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
