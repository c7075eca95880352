package io.plantspy.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's W3C trace context reaches its result record whichever way it is answered (a batch flushed by size
 * or by the punctuator, an unreadable record, a request given up), so the API's listener continues the trace.
 * Kafka Streams would not do it by itself: the batcher answers from its store, with records of its own.
 */
class TraceHeadersTopologyTest {

  private static final String TRACEPARENT_A = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String TRACEPARENT_B = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @TempDir
  Path stateDir;

  private final FakeClassifier fake = new FakeClassifier();

  @Test
  void eachResultOfABatchCarriesItsOwnRequestsTraceparent() {
    try (TopologyHarness harness = new TopologyHarness(ProcessorProperties.defaults().withBatch(2, Duration.ofHours(1)),
        fake, ImageResolver.inlineOnly(), stateDir)) {
      send(harness, "a", traced(TRACEPARENT_A, "vendor=a"));
      send(harness, "b", traced(TRACEPARENT_B, null));

      Map<String, TestRecord<String, ?>> byKey = new HashMap<>();
      harness.results.readRecordsToList().forEach(r -> byKey.put(r.key(), r));
      assertThat(header(byKey.get("a").headers(), "traceparent")).isEqualTo(TRACEPARENT_A);
      assertThat(header(byKey.get("a").headers(), "tracestate")).isEqualTo("vendor=a");
      assertThat(header(byKey.get("b").headers(), "traceparent")).isEqualTo(TRACEPARENT_B);
      assertThat(byKey.get("b").headers().lastHeader("tracestate")).isNull();
    }
  }

  @Test
  void aBatchFlushedByThePunctuatorKeepsTheTraceparentAndAnUntracedRequestGetsNone() {
    try (TopologyHarness harness = new TopologyHarness(
        ProcessorProperties.defaults().withBatch(8, Duration.ofMillis(20)), fake, ImageResolver.inlineOnly(),
        stateDir)) {
      send(harness, "traced", traced(TRACEPARENT_A, null));
      send(harness, "untraced", new RecordHeaders());
      harness.advance(Duration.ofMillis(20));

      Map<String, Headers> byKey = new HashMap<>();
      harness.results.readRecordsToList().forEach(r -> byKey.put(r.key(), r.headers()));
      assertThat(header(byKey.get("traced"), "traceparent")).isEqualTo(TRACEPARENT_A);
      assertThat(byKey.get("untraced").lastHeader("traceparent")).isNull();
    }
  }

  @Test
  void theErrorResultOfAnUnreadableRecordCarriesItsTraceparent() {
    try (TopologyHarness harness = new TopologyHarness(ProcessorProperties.defaults(), fake,
        ImageResolver.inlineOnly(), stateDir)) {
      byte[] valid = TopologyHarness.encode(TestRequests.inline("poison", TestRequests.generatedJpeg()));
      harness.requests.pipeInput(new TestRecord<>("poison", Arrays.copyOf(valid, 60), traced(TRACEPARENT_A, null)));

      assertThat(header(harness.results.readRecord().headers(), "traceparent")).isEqualTo(TRACEPARENT_A);
      assertThat(header(harness.dlq.readRecord().headers(), "traceparent")).isEqualTo(TRACEPARENT_A);
    }
  }

  private static void send(TopologyHarness harness, String id, Headers headers) {
    harness.requests.pipeInput(new TestRecord<>(id,
        TopologyHarness.encode(TestRequests.inline(id, TestRequests.generatedJpeg())), headers));
  }

  private static Headers traced(String traceparent, String tracestate) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
    if (tracestate != null) {
      headers.add("tracestate", tracestate.getBytes(StandardCharsets.US_ASCII));
    }
    return headers;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }
}
