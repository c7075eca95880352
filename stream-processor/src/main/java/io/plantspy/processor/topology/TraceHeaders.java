package io.plantspy.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

/**
 * Carries each request's W3C trace context ({@code traceparent}, {@code tracestate}) from its request record to its
 * result record, so that the API's result listener continues the trace the API started: one trace per diagnosis.
 * A batcher's requests wait in a changelogged store of values only, so their headers are remembered here, in
 * memory, until the result is written. A request restored from the changelog after a restart has lost them: its
 * result carries none, and the listener starts a trace of its own for it.
 */
final class TraceHeaders {

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";
  /** The MDC key Micrometer Tracing uses in the other services, so one logging pattern serves all. */
  static final String TRACE_ID_MDC = "traceId";
  private static final List<String> NAMES = List.of(TRACEPARENT, TRACESTATE);

  private final Map<String, Headers> byRequest = new HashMap<>();

  /** Remembers the trace headers of request {@code requestId} (forgets earlier ones if it has none). */
  void remember(String requestId, Headers requestHeaders) {
    Headers trace = of(requestHeaders);
    if (trace.toArray().length == 0) {
      byRequest.remove(requestId);
    } else {
      byRequest.put(requestId, trace);
    }
  }

  /** A fresh copy of the trace headers remembered for {@code requestId}, empty if none. */
  Headers forResult(String requestId) {
    Headers trace = byRequest.get(requestId);
    return trace == null ? new RecordHeaders() : new RecordHeaders(trace.toArray());
  }

  void forget(String requestId) {
    byRequest.remove(requestId);
  }

  void clear() {
    byRequest.clear();
  }

  /** The trace headers among {@code headers}, copied. */
  static Headers of(Headers headers) {
    RecordHeaders trace = new RecordHeaders();
    for (String name : NAMES) {
      Header header = headers.lastHeader(name);
      if (header != null) {
        trace.add(name, header.value());
      }
    }
    return trace;
  }

  /** Runs {@code logging} with the trace id of {@code headers} (if any) in the MDC, so its log lines show it. */
  static void withTraceId(Headers headers, Runnable logging) {
    Header traceparent = headers.lastHeader(TRACEPARENT);
    // version-traceid-parentid-flags: the trace id is the second field.
    String[] fields = traceparent == null ? new String[0]
        : new String(traceparent.value(), StandardCharsets.US_ASCII).split("-");
    if (fields.length < 2) {
      logging.run();
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(TRACE_ID_MDC, fields[1])) {
      logging.run();
    }
  }
}
