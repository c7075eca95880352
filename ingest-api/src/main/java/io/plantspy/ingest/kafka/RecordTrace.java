package io.plantspy.ingest.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace a result record belongs to, read from its W3C {@code traceparent} header (the processor copies the
 * request's) with OpenTelemetry's own parser. The batch listeners store it with the result: spring-kafka opens no
 * observation for a batch listener, so the record's header is where the diagnosis's trace id is.
 */
public final class RecordTrace {

  private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      return Arrays.stream(headers.toArray()).map(Header::key).toList();
    }

    @Override
    public String get(Headers headers, String key) {
      Header header = headers == null ? null : headers.lastHeader(key);
      return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
  };

  private RecordTrace() {}

  /** The trace id (32 hex digits) of {@code record}'s traceparent; null without one, or with a malformed one. */
  public static String traceId(ConsumerRecord<?, ?> record) {
    Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
    SpanContext span = Span.fromContext(extracted).getSpanContext();
    return span.isValid() ? span.getTraceId() : null;
  }
}
