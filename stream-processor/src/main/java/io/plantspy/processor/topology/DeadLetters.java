package io.plantspy.processor.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a dead-lettered request carries next to its untouched bytes, so that an operator can tell why it
 * was refused and find the original. The names are those of Kafka Streams' own dead-letter queue (KIP-1034,
 * Kafka 4.2), so the same tooling reads both if the processor later moves to the built-in support.
 */
public final class DeadLetters {

  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String MESSAGE = "__streams.errors.message";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";
  /** How many times a request was tried before it was given up (not a Kafka Streams header: ours). */
  public static final String ATTEMPTS = "plantspy.errors.attempts";

  private DeadLetters() {}

  /** The original headers (kept: they may carry tracing ids) plus why and where from. */
  static Headers headers(Headers original, Exception cause, RecordMetadata source) {
    RecordHeaders headers = new RecordHeaders(original.toArray());
    add(headers, EXCEPTION, cause.getClass().getName());
    add(headers, MESSAGE, String.valueOf(cause.getMessage()));
    add(headers, TOPIC, source.topic());
    add(headers, PARTITION, Integer.toString(source.partition()));
    add(headers, OFFSET, Long.toString(source.offset()));
    return headers;
  }

  /**
   * For a request given up after {@code attempts} failed tries: it left its input record long ago (it was
   * buffered), so the source is the partition only; the offset is unknown by then.
   */
  static Headers givenUp(Exception cause, String topic, int partition, int attempts) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, EXCEPTION, cause.getClass().getName());
    add(headers, MESSAGE, String.valueOf(cause.getMessage()));
    add(headers, TOPIC, topic);
    add(headers, PARTITION, Integer.toString(partition));
    add(headers, ATTEMPTS, Integer.toString(attempts));
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
