package io.plantspy.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's writer schema is neither shipped in the {@link SchemaCatalog} nor published to its schema topic, so
 * the record cannot be read by any version of this code: a dead letter, not something to retry.
 */
public final class UnknownSchemaException extends SerializationException {

  public UnknownSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
