package io.plantspy.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.processor.priority.Lane;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher's punctuator, observed directly: it must exist only while requests are buffered, because every
 * punctuation makes Kafka Streams commit a transaction.
 */
class MicroBatcherTest {

  private static final Duration MAX_WAIT = Duration.ofMillis(20);

  private final FakeClassifier model = new FakeClassifier();
  private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
  // Logging off: MockProcessorContext has no changelog; the changelogged store is covered by the topology tests.
  private final KeyValueStore<String, DiagnosisRequest> buffer = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(DiagnosisTopology.BUFFER_STORE), Serdes.String(),
          Topics.defaults().requests().valueSerde())
      .withLoggingDisabled()
      .build();
  private final KeyValueStore<String, Integer> attempts = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(DiagnosisTopology.ATTEMPTS_STORE), Serdes.String(), Serdes.Integer())
      .withLoggingDisabled()
      .build();

  @BeforeEach
  void openBuffer() {
    context.setCurrentSystemTimeMs(0);
    buffer.init(context.getStateStoreContext(), buffer);
    context.addStateStore(buffer);
    attempts.init(context.getStateStoreContext(), attempts);
    context.addStateStore(attempts);
  }

  @Test
  void schedulesNothingWhileTheBufferIsEmpty() {
    batcher(3).init(context);

    assertThat(context.scheduledPunctuators()).isEmpty();
  }

  @Test
  void theFirstBufferedRequestSchedulesOnePunctuatorDueAfterMaxWait() {
    MicroBatcher batcher = batcher(3);
    batcher.init(context);

    batcher.process(record("a"));
    batcher.process(record("b"));

    assertThat(context.scheduledPunctuators()).singleElement().satisfies(punctuator -> {
      assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
      assertThat(punctuator.getInterval()).isEqualTo(MAX_WAIT);
      assertThat(punctuator.cancelled()).isFalse();
    });
  }

  @Test
  void thePunctuatorFlushesThePartialBatchAndCancelsItself() {
    MicroBatcher batcher = batcher(3);
    batcher.init(context);
    batcher.process(record("a"));
    batcher.process(record("b"));
    CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);

    punctuator.getPunctuator().punctuate(MAX_WAIT.toMillis());

    assertThat(answeredIds()).containsExactlyInAnyOrder("a", "b");
    assertThat(punctuator.cancelled()).isTrue();
    assertThat(buffer.approximateNumEntries()).isZero();
  }

  @Test
  void aFullBatchCancelsThePendingPunctuatorAndTheNextRequestSchedulesAnew() {
    MicroBatcher batcher = batcher(2);
    batcher.init(context);
    batcher.process(record("a"));
    batcher.process(record("b"));

    assertThat(answeredIds()).containsExactlyInAnyOrder("a", "b");
    assertThat(context.scheduledPunctuators()).singleElement().satisfies(p -> assertThat(p.cancelled()).isTrue());

    batcher.process(record("c"));

    assertThat(context.scheduledPunctuators()).hasSize(2);
    assertThat(context.scheduledPunctuators().get(1).cancelled()).isFalse();
  }

  @Test
  void aBatchOfOneNeedsNoPunctuator() {
    MicroBatcher batcher = batcher(1);
    batcher.init(context);

    batcher.process(record("a"));

    assertThat(answeredIds()).containsExactly("a");
    assertThat(context.scheduledPunctuators()).isEmpty();
  }

  @Test
  void requestsRestoredIntoTheBufferAreFlushedAfterMaxWait() {
    buffer.put("restored-1", TestRequests.inline("restored-1", TestRequests.generatedJpeg()));
    buffer.put("restored-2", TestRequests.inline("restored-2", TestRequests.generatedJpeg()));
    MicroBatcher batcher = batcher(3);

    batcher.init(context);

    CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
    assertThat(punctuator.getInterval()).isEqualTo(MAX_WAIT);
    punctuator.getPunctuator().punctuate(MAX_WAIT.toMillis());
    assertThat(answeredIds()).containsExactlyInAnyOrder("restored-1", "restored-2");
    assertThat(punctuator.cancelled()).isTrue();
    assertThat(buffer.approximateNumEntries()).isZero();
  }

  private MicroBatcher batcher(int maxSize) {
    DiagnosisMetrics metrics = new DiagnosisMetrics(new SimpleMeterRegistry(), model::releaseId);
    BatchDiagnoser diagnoser = new BatchDiagnoser(new LeafImagePreprocessor(ImageLimits.defaults()),
        ImageResolver.inlineOnly(), model, metrics);
    ProcessorProperties config = ProcessorProperties.defaults().withBatch(maxSize, MAX_WAIT);
    return new MicroBatcher(DiagnosisTopology.BUFFER_STORE, DiagnosisTopology.ATTEMPTS_STORE, config.batch(),
        config.retry(), "requests", Topics.defaults().requests().valueSerde().serializer(), diagnoser, metrics,
        Lane.ungated(), request -> DiagnosisTopology.RESULTS_SINK);
  }

  private static Record<String, Object> record(String id) {
    return new Record<>(id, TestRequests.inline(id, TestRequests.generatedJpeg()), 0L);
  }

  private List<String> answeredIds() {
    return context.forwarded().stream().map(forward -> ((DiagnosisResult) forward.record().value()).getId()).toList();
  }
}
