package io.plantspy.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.config.StreamsSettings;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.processor.topology.DiagnosisTopology;
import io.plantspy.processor.topology.TestRequests;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import io.plantspy.testsupport.ExportedMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * Two processor instances of one application share a two-partition requests topic on a real (embedded) broker
 * with exactly-once on: both get a partition, and every request is answered exactly once.
 */
@Timeout(90)
class DiagnosisProcessorIT {

  private static final int PARTITIONS = 2;
  private static final int REQUESTS_PER_PARTITION = 5;
  private static final TopicNames TOPICS = TopicNames.defaults();

  @TempDir
  Path tempDir;

  private EmbeddedKafkaKraftBroker broker;
  private final List<Instance> instances = new ArrayList<>();

  // Started as the application starts it (StreamsLifecycle), so its Kafka Streams metrics are bound as there.
  private record Instance(StreamsLifecycle lifecycle, PrometheusMeterRegistry registry, ReleaseClassifier model,
      SchemaCatalog schemas) {

    KafkaStreams streams() {
      return lifecycle.streams();
    }
  }

  @BeforeEach
  void startBroker() {
    broker = ExactlyOnceKafka.broker(PARTITIONS, TOPICS.requests(), TOPICS.results(), TOPICS.dlq(),
        SchemaTopic.DEFAULT_NAME);
  }

  @AfterEach
  void stopEverything() {
    instances.forEach(instance -> {
      instance.lifecycle().stop();
      instance.model().close();
      instance.schemas().close();
    });
    broker.destroy();
  }

  @Test
  void twoInstancesShareThePartitionsAndAnswerEveryRequestExactlyOnce() throws Exception {
    instances.add(start("a"));
    instances.add(start("b"));
    await("each instance owns one partition").atMost(Duration.ofSeconds(45)).until(this::oneActiveTaskEach);

    List<String> ids = produceRequests();
    awaitAnswers(ids);
    for (Instance instance : instances) {
      // Consumer lag per topic and partition, registered once the binder has seen the assignment's metrics.
      await("the listed Kafka metrics").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(ExportedMetrics.of("stream-processor").only(name -> name.startsWith("kafka_"))
              .missingFrom(instance.registry().scrape()))
              .as("listed names without a sample").isEmpty());
    }
    // Stopped, the instances have no open transaction left: reading the topic to its end sees every result
    // they will ever write, so a duplicate cannot arrive after the count.
    instances.forEach(instance -> instance.lifecycle().stop());
    Map<String, List<DiagnosisResult>> answers = ExactlyOnceKafka.allResults(broker, TOPICS.results());

    assertThat(answers).containsOnlyKeys(ids);
    assertThat(answers.values()).allSatisfy(results -> {
      assertThat(results).as("results per request").hasSize(1);
      assertThat(results.get(0).getOutcome()).isInstanceOf(Diagnosis.class);
    });
    for (Instance instance : instances) {
      assertThat(instance.registry().get(DiagnosisMetrics.REQUESTS).counter().count())
          .as("requests handled by one instance").isEqualTo(REQUESTS_PER_PARTITION);
    }
  }

  private Instance start(String name) throws Exception {
    ProcessorProperties config = ProcessorProperties.defaults()
        .withKafka(broker.getBrokersAsString(), "plantspy-it", tempDir.resolve(name), 1);
    ReleaseClassifier model = ReleaseClassifier.load(TestRequests.servingCommittedModels());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SchemaCatalog schemas = ExactlyOnceKafka.schemas(broker);
    Properties props = StreamsSettings.from(config);
    props.put("commit.interval.ms", "100");
    StreamsLifecycle lifecycle = new StreamsLifecycle(
        DiagnosisTopology.buildTopology(config, model, ImageResolver.inlineOnly(), registry, schemas), props, registry,
        () -> {});
    lifecycle.start();
    return new Instance(lifecycle, registry, model, schemas);
  }

  private boolean oneActiveTaskEach() {
    return ExactlyOnceKafka.running(instances.stream().map(Instance::streams).toList(), 1);
  }

  private List<String> produceRequests() throws Exception {
    byte[] image = TestRequests.generatedJpeg();
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = ExactlyOnceKafka.rawProducer(broker)) {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        for (int i = 0; i < REQUESTS_PER_PARTITION; i++) {
          String id = "p" + partition + "-r" + i;
          // Explicit partitions: each instance is guaranteed work, whatever the keys hash to.
          producer.send(new ProducerRecord<>(TOPICS.requests(), partition, id, ExactlyOnceKafka.request(id, image)))
              .get();
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Reads committed results until every request has one. */
  private void awaitAnswers(List<String> ids) {
    Set<String> answered = new HashSet<>();
    try (KafkaConsumer<String, DiagnosisResult> consumer = ExactlyOnceKafka.resultsConsumer(broker)) {
      consumer.subscribe(List.of(TOPICS.results()));
      await("a result for every request").atMost(Duration.ofSeconds(30)).pollInSameThread()
          .pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> answered.add(record.key()));
            return answered.containsAll(ids);
          });
    }
  }
}
