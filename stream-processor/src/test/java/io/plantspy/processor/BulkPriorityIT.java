package io.plantspy.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.metrics.BulkMetrics;
import io.plantspy.processor.priority.PriorityGate;
import io.plantspy.processor.topology.TestRequests;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Interactive requests overtake a bulk backlog on a real (embedded) broker, with both Kafka Streams instances of
 * one processor sharing the real model, exactly-once on: with 500 bulk items queued and being diagnosed, each of 5
 * interactive requests sent then is answered before the backlog is drained. Asserted on the order in which the
 * committed results arrive, not on times.
 */
@Timeout(240)
class BulkPriorityIT {

  private static final int PARTITIONS = 2;
  private static final int BULK_ITEMS = 500;
  private static final int INTERACTIVE = 5;
  private static final TopicNames TOPICS = TopicNames.defaults();

  @TempDir
  Path tempDir;

  private EmbeddedKafkaKraftBroker broker;
  private ReleaseClassifier model;
  private SchemaCatalog schemas;
  private List<KafkaStreams> processor = List.of();

  @BeforeEach
  void startBroker() throws Exception {
    broker = ExactlyOnceKafka.broker(PARTITIONS, TOPICS.requests(), TopicNames.DIAGNOSIS_REQUESTS_BULK,
        TOPICS.results(), TopicNames.DIAGNOSIS_RESULTS_BULK, TOPICS.dlq(), TopicNames.JOB_CANCELLATIONS,
        SchemaTopic.DEFAULT_NAME);
    model = ReleaseClassifier.load(TestRequests.servingCommittedModels());
    schemas = ExactlyOnceKafka.schemas(broker);
  }

  @AfterEach
  void stopEverything() {
    processor.forEach(streams -> streams.close(Duration.ofSeconds(10)));
    model.close();
    schemas.close();
    broker.destroy();
  }

  @Test
  void interactiveRequestsAreAnsweredBeforeABulkBacklogIsDrained() throws Exception {
    ProcessorProperties config = ProcessorProperties.defaults()
        .withKafka(broker.getBrokersAsString(), "plantspy-bulk-it", tempDir, 1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PriorityGate gate = new PriorityGate(config.bulk().yieldLimit(), new BulkMetrics(registry)::yielded);
    processor = ExactlyOnceKafka.startWithBulk(config, model, registry, schemas, gate);
    await("both instances running").atMost(Duration.ofSeconds(60))
        .until(() -> processor.stream().allMatch(streams -> streams.state() == KafkaStreams.State.RUNNING));

    byte[] image = TestRequests.generatedJpeg();
    Map<String, Integer> arrival = new LinkedHashMap<>(); // result id -> position among the results received
    try (KafkaProducer<String, byte[]> producer = ExactlyOnceKafka.rawProducer(broker);
        KafkaConsumer<String, DiagnosisResult> results = ExactlyOnceKafka.resultsConsumer(broker)) {
      results.subscribe(List.of(TOPICS.results(), TopicNames.DIAGNOSIS_RESULTS_BULK));
      for (int i = 0; i < BULK_ITEMS; i++) {
        String id = "bulk-" + i;
        producer.send(new ProducerRecord<>(TopicNames.DIAGNOSIS_REQUESTS_BULK, id,
            ExactlyOnceKafka.encode(TestRequests.bulkItem(id, "job-1", image))));
      }
      producer.flush();
      await("the bulk backlog being diagnosed").atMost(Duration.ofSeconds(120)).pollInSameThread()
          .pollInterval(Duration.ofMillis(1)).until(() -> {
            receive(results, arrival);
            return !arrival.isEmpty();
          });

      List<String> interactive = new ArrayList<>();
      for (int i = 0; i < INTERACTIVE; i++) {
        String id = "interactive-" + i;
        producer.send(new ProducerRecord<>(TOPICS.requests(), id, ExactlyOnceKafka.request(id, image)));
        interactive.add(id);
      }
      producer.flush();
      await("every result").atMost(Duration.ofSeconds(180)).pollInSameThread()
          .pollInterval(Duration.ofMillis(1)).until(() -> {
            receive(results, arrival);
            return arrival.size() == BULK_ITEMS + INTERACTIVE;
          });

      int lastBulk = arrival.entrySet().stream().filter(e -> e.getKey().startsWith("bulk-"))
          .mapToInt(Map.Entry::getValue).max().orElseThrow();
      System.out.printf("interactive results at positions %s of %d; last bulk result at %d%n",
          interactive.stream().map(arrival::get).toList(), arrival.size(), lastBulk);
      for (String id : interactive) {
        assertThat(arrival.get(id)).as("position of %s's result; the last bulk result came %d-th", id, lastBulk)
            .isLessThan(lastBulk);
      }
    }
  }

  private static void receive(KafkaConsumer<String, DiagnosisResult> results, Map<String, Integer> arrival) {
    results.poll(Duration.ofMillis(100)).forEach(record -> {
      assertThat(record.value().getOutcome()).as(record.key()).isInstanceOf(Diagnosis.class);
      assertThat(arrival.putIfAbsent(record.key(), arrival.size())).as("answered twice: " + record.key()).isNull();
    });
  }
}
