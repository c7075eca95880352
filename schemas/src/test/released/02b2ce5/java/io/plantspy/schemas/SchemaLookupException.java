package io.plantspy.schemas;

import org.apache.kafka.common.KafkaException;

/**
 * The schema topic could not be written or read in time. Deliberately not a
 * {@link org.apache.kafka.common.errors.SerializationException}: the record is fine and will decode once the topic
 * is reachable, so it is to be retried, never dead-lettered or skipped as bad data.
 */
public final class SchemaLookupException extends KafkaException {

  public SchemaLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
