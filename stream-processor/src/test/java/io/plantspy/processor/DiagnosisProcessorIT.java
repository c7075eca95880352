package io.plantspy.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.config.StreamsSettings;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.ReleaseClassifier;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.processor.topology.DiagnosisTopology;
import io.plantspy.processor.topology.TestRequests;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

  private record Instance(KafkaStreams streams, SimpleMeterRegistry registry, ReleaseClassifier model,
      SchemaCatalog schemas) {}

  @BeforeEach
  void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPICS.requests(), TOPICS.results(), TOPICS.dlq(),
        SchemaTopic.DEFAULT_NAME);
    // One broker: exactly-once cannot start while the transaction log wants three replicas.
    broker.brokerProperties(Map.of(
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "offsets.topic.replication.factor", "1",
        "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
  }

  @AfterEach
  void stopEverything() {
    instances.forEach(instance -> {
      instance.streams().close(Duration.ofSeconds(10));
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
    // Stopped, the instances have no open transaction left: reading the topic to its end sees every result
    // they will ever write, so a duplicate cannot arrive after the count.
    instances.forEach(instance -> instance.streams().close(Duration.ofSeconds(10)));
    Map<String, Integer> answers = countAllResults();

    assertThat(answers).containsOnlyKeys(ids);
    assertThat(answers.values()).as("results per request").containsOnly(1);
    for (Instance instance : instances) {
      assertThat(instance.registry().get(DiagnosisMetrics.REQUESTS).counter().count())
          .as("requests handled by one instance").isEqualTo(REQUESTS_PER_PARTITION);
    }
  }

  private Instance start(String name) throws Exception {
    ProcessorProperties config = ProcessorProperties.defaults()
        .withKafka(broker.getBrokersAsString(), "plantspy-it", tempDir.resolve(name), 1);
    ReleaseClassifier model = ReleaseClassifier.load(TestRequests.servingCommittedModels());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Properties props = StreamsSettings.from(config);
    props.put("commit.interval.ms", "100");
    // The real schema topic: each instance publishes the results' schema before its first result.
    SchemaCatalog schemas = SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME,
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), Duration.ofSeconds(10)));
    KafkaStreams streams = new KafkaStreams(
        DiagnosisTopology.buildTopology(config, model, ImageResolver.inlineOnly(), registry, schemas), props);
    streams.start();
    return new Instance(streams, registry, model, schemas);
  }

  private boolean oneActiveTaskEach() {
    return instances.stream().allMatch(instance -> instance.streams().state() == KafkaStreams.State.RUNNING
        && instance.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() == 1);
  }

  private List<String> produceRequests() throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    byte[] image = TestRequests.generatedJpeg();
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (int partition = 0; partition < PARTITIONS; partition++) {
        for (int i = 0; i < REQUESTS_PER_PARTITION; i++) {
          String id = "p" + partition + "-r" + i;
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          DiagnosisRequest.getEncoder().encode(TestRequests.inline(id, image), out);
          // Explicit partitions: each instance is guaranteed work, whatever the keys hash to.
          producer.send(new ProducerRecord<>(TOPICS.requests(), partition, id, out.toByteArray())).get();
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Reads committed results until every request has one. */
  private void awaitAnswers(List<String> ids) {
    Set<String> answered = new HashSet<>();
    try (KafkaConsumer<String, DiagnosisResult> consumer = resultsConsumer()) {
      consumer.subscribe(List.of(TOPICS.results()));
      await("a result for every request").atMost(Duration.ofSeconds(30)).pollInSameThread()
          .pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> answered.add(record.key()));
            return answered.containsAll(ids);
          });
    }
  }

  /** Every committed result on the topic, from its beginning to its end, counted per request id. */
  private Map<String, Integer> countAllResults() {
    Map<String, Integer> answers = new HashMap<>();
    try (KafkaConsumer<String, DiagnosisResult> consumer = resultsConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(TOPICS.results()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        for (ConsumerRecord<String, DiagnosisResult> record : consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.value().getOutcome()).isInstanceOf(Diagnosis.class);
          answers.merge(record.key(), 1, Integer::sum);
        }
      }
    }
    return answers;
  }

  private KafkaConsumer<String, DiagnosisResult> resultsConsumer() {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-results",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // Only committed transactions: what a real reader of results sees under exactly-once.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(), Topics.defaults().results().valueSerde().deserializer());
  }
}
