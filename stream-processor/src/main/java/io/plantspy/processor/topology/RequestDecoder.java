package io.plantspy.processor.topology;

import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes request records here rather than in the source node, so that a corrupt record is handled inside the
 * task's transaction: its raw bytes go to the dead-letter topic with the reason in headers, the requester (known
 * from the key) gets an error result instead of waiting forever, and decoded requests go on to the batcher.
 */
final class RequestDecoder implements Processor<String, byte[], String, Object> {

  private static final Logger log = LoggerFactory.getLogger(RequestDecoder.class);

  private final Deserializer<DiagnosisRequest> deserializer;
  private final DiagnosisMetrics metrics;
  private final String next;
  private ProcessorContext<String, Object> context;

  /** @param next the node decoded requests go to */
  RequestDecoder(Deserializer<DiagnosisRequest> deserializer, DiagnosisMetrics metrics, String next) {
    this.deserializer = deserializer;
    this.metrics = metrics;
    this.next = next;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      return; // A tombstone asks for nothing.
    }
    RecordMetadata source = context.recordMetadata().orElseThrow();
    DiagnosisRequest request;
    try {
      request = deserializer.deserialize(source.topic(), record.headers(), record.value());
    } catch (SerializationException e) {
      deadLetter(record, source, e);
      return;
    }
    context.forward(record.withValue((Object) request), next);
  }

  private void deadLetter(Record<String, byte[]> record, RecordMetadata source, SerializationException cause) {
    TraceHeaders.withTraceId(record.headers(), () -> log.warn("Dead-lettering request record {}-{}@{} (key {}): {}",
        source.topic(), source.partition(), source.offset(), record.key(), cause.getMessage()));
    metrics.deadLettered();
    context.forward(record.withValue((Object) record.value())
        .withHeaders(DeadLetters.headers(record.headers(), cause, source)), DiagnosisTopology.DLQ_SINK);
    if (record.key() != null) {
      // An owner that cannot be read back is left empty: only privileged readers see such a result.
      String owner = RequestSalvage.owner(record.value(), record.key()).orElse("");
      long now = context.currentSystemTimeMs();
      DiagnosisResult result = Results.error(record.key(), owner, ErrorCode.INTERNAL,
          "The request could not be read; it was kept for inspection.",
          Results.timings(now - record.timestamp(), 0, 0, 0), Instant.ofEpochMilli(now));
      metrics.error(ErrorCode.INTERNAL);
      context.forward(new Record<String, Object>(record.key(), result, now, TraceHeaders.of(record.headers())),
          DiagnosisTopology.RESULTS_SINK);
    }
  }
}
