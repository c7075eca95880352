package io.plantspy.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.metrics.BulkMetrics;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk topology: items of jobs from their own topic, in bulk-sized batches; cancelled jobs' items skipped. */
class BulkTopologyTest {

  private static final Duration LONG_WAIT = Duration.ofHours(1);

  @TempDir
  Path stateDir;

  private final FakeClassifier fake = new FakeClassifier();

  @Test
  void diagnosesBulkItemsInBatchesOfTheBulkSize() {
    try (TopologyHarness harness = bulkHarness(3)) {
      harness.send(TestRequests.bulkItem("item-1", "job-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.bulkItem("item-2", "job-1", TestRequests.generatedJpeg()));
      assertThat(harness.results.isEmpty()).as("answered before the bulk batch was full").isTrue();

      harness.send(TestRequests.bulkItem("item-3", "job-1", TestRequests.generatedJpeg()));

      List<DiagnosisResult> results = harness.results.readValuesToList();
      assertThat(results).extracting(DiagnosisResult::getId).containsExactlyInAnyOrder("item-1", "item-2", "item-3");
      assertThat(results).allSatisfy(result -> {
        assertThat(result.getOwner()).isEqualTo("owner-of-" + result.getId());
        assertThat(result.getOutcome()).isInstanceOf(Diagnosis.class);
        assertThat(result.getTimings().getBatchSize()).isEqualTo(3);
      });
      assertThat(fake.calls).containsExactly(3);
      assertThat(harness.registry.get(BulkMetrics.ITEMS).counter().count()).isEqualTo(3);
    }
  }

  @Test
  void answersBulkItemsOnlyOnTheBulkResultsTopicSoInteractiveConsumersNeverReadThem() {
    try (TopologyHarness harness = bulkHarness(1)) {
      harness.send(TestRequests.bulkItem("item-1", "job-1", TestRequests.generatedJpeg()));
      harness.requests.pipeInput("corrupt", new byte[] {1, 2, 3});

      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId)
          .containsExactlyInAnyOrder("item-1", "corrupt");
      assertThat(harness.otherResults.isEmpty()).as("a bulk answer on the interactive results topic").isTrue();
      assertThat(harness.feedResults.isEmpty()).as("a bulk answer on the feed results topic").isTrue();
    }
  }

  @Test
  void skipsTheItemsOfACancelledJobWithoutInferenceOrAnswer() {
    try (TopologyHarness harness = bulkHarness(2)) {
      harness.send(TestRequests.bulkItem("early", "job-cancelled", TestRequests.generatedJpeg()));
      harness.cancellations.pipeInput("job-cancelled", "job-cancelled");

      harness.send(TestRequests.bulkItem("late-1", "job-cancelled", TestRequests.generatedJpeg()));
      harness.send(TestRequests.bulkItem("kept-1", "job-running", TestRequests.generatedJpeg()));
      harness.send(TestRequests.bulkItem("late-2", "job-cancelled", TestRequests.generatedJpeg()));
      harness.send(TestRequests.bulkItem("kept-2", "job-running", TestRequests.generatedJpeg()));
      harness.advance(Duration.ofMillis(100));

      // "early" was taken before the cancellation arrived: it is diagnosed, like an item already answered.
      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId)
          .containsExactlyInAnyOrder("early", "kept-1", "kept-2");
      assertThat(fake.calls.stream().mapToInt(Integer::intValue).sum()).as("images through the model").isEqualTo(3);
      assertThat(harness.registry.get(BulkMetrics.CANCELLED).counter().count()).isEqualTo(2);
      assertThat(harness.registry.get(BulkMetrics.ITEMS).counter().count()).isEqualTo(3);
      assertThat(harness.buffered()).isZero();
    }
  }

  @Test
  void aPoisonPillOnTheBulkTopicGoesToTheDlqAndAnErrorResult() {
    try (TopologyHarness harness = bulkHarness(2)) {
      byte[] valid = TopologyHarness.encode(TestRequests.bulkItem("poison", "job-1", TestRequests.generatedJpeg()));
      byte[] truncated = Arrays.copyOf(valid, 60); // id and owner intact, the rest cut
      harness.requests.pipeInput("poison", truncated);

      TestRecord<String, byte[]> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("poison");
      assertThat(dead.value()).isEqualTo(truncated);
      assertThat(new String(dead.headers().lastHeader(DeadLetters.TOPIC).value(), StandardCharsets.UTF_8))
          .isEqualTo(TopicNames.DIAGNOSIS_REQUESTS_BULK);
      DiagnosisResult error = harness.results.readValue();
      assertThat(error.getId()).isEqualTo("poison");
      assertThat(error.getOwner()).isEqualTo("owner-of-poison");
      assertThat(((DiagnosisError) error.getOutcome()).getCode()).isEqualTo(ErrorCode.INTERNAL);

      // The partition goes on: the next items are diagnosed.
      harness.send(TestRequests.bulkItem("next-1", "job-1", TestRequests.generatedJpeg()));
      harness.send(TestRequests.bulkItem("next-2", "job-1", TestRequests.generatedJpeg()));
      assertThat(harness.results.readValuesToList()).extracting(DiagnosisResult::getId)
          .containsExactlyInAnyOrder("next-1", "next-2");
      assertThat(harness.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void theBulkTopologyDoesNotReadInteractiveRequests() {
    ProcessorProperties config = bulkConfig(1);
    try (TopologyHarness harness = TopologyHarness.bulk(config, fake, ImageResolver.inlineOnly(), stateDir)) {
      // Read by both instances, an interactive request would be answered twice.
      assertThatThrownBy(() -> harness.driver.createInputTopic(config.topicNames().requests(),
              Serdes.String().serializer(), Serdes.ByteArray().serializer())
          .pipeInput("interactive", TopologyHarness.encode(TestRequests.inline("interactive",
              TestRequests.generatedJpeg()))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unknown topic");
    }
  }

  private TopologyHarness bulkHarness(int maxBatchSize) {
    return TopologyHarness.bulk(bulkConfig(maxBatchSize), fake, ImageResolver.inlineOnly(), stateDir);
  }

  /** Interactive batches of 8 and bulk ones of {@code maxBatchSize}: results show which limits were used. */
  private static ProcessorProperties bulkConfig(int maxBatchSize) {
    return ProcessorProperties.bind(Map.of("bulk.max-batch-size", Integer.toString(maxBatchSize),
        "bulk.max-wait", "50ms", "batch.max-size", "8", "batch.max-wait", LONG_WAIT.toMillis() + "ms"));
  }
}
