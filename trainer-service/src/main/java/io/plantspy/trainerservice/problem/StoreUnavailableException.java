package io.plantspy.trainerservice.problem;

/** MongoDB, GridFS or Kafka failed while serving a request: answered 503, the caller may try again. */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
