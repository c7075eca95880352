package io.plantspy.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.config.StreamsSettings;
import io.plantspy.processor.images.ImageResolver;
import io.plantspy.processor.inference.BatchClassifier;
import io.plantspy.processor.priority.PriorityGate;
import io.plantspy.processor.topology.DiagnosisTopology;
import io.plantspy.processor.topology.TestRequests;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the integration tests of several processor instances share: a one-node embedded broker that allows
 * exactly-once, processor instances started as the application starts them, raw request producers, and readers of
 * the committed results.
 */
final class ExactlyOnceKafka {

  private ExactlyOnceKafka() {}

  /** A started one-node KRaft broker with {@code topics} of {@code partitions} partitions each. */
  static EmbeddedKafkaKraftBroker broker(int partitions, String... topics) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
    // One broker: exactly-once cannot start while the transaction log wants three replicas.
    broker.brokerProperties(Map.of(
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "offsets.topic.replication.factor", "1",
        "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    return broker;
  }

  /** The real schema topic: each instance publishes the results' schema before its first result. */
  static SchemaCatalog schemas(EmbeddedKafkaKraftBroker broker) {
    return SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME,
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), Duration.ofSeconds(10)));
  }

  /** A started processor instance of the application {@code config} names, committing every 100 ms. */
  static KafkaStreams startStreams(ProcessorProperties config, BatchClassifier classifier, MeterRegistry registry,
      SchemaCatalog schemas) {
    Properties props = StreamsSettings.from(config);
    props.put("commit.interval.ms", "100");
    KafkaStreams streams = new KafkaStreams(
        DiagnosisTopology.buildTopology(config, classifier, ImageResolver.inlineOnly(), registry, schemas), props);
    streams.start();
    return streams;
  }

  /**
   * A started pair of instances as the application starts them: the interactive one and the bulk one, sharing
   * {@code classifier} and {@code gate}.
   */
  static List<KafkaStreams> startWithBulk(ProcessorProperties config, BatchClassifier classifier,
      MeterRegistry registry, SchemaCatalog schemas, PriorityGate gate) {
    Properties interactive = StreamsSettings.from(config);
    interactive.put("commit.interval.ms", "100");
    Properties bulk = StreamsSettings.forBulk(config);
    bulk.put("commit.interval.ms", "100");
    List<KafkaStreams> started = List.of(
        new KafkaStreams(DiagnosisTopology.buildTopology(config, classifier, ImageResolver.inlineOnly(), registry,
            schemas, gate::interactive), interactive),
        new KafkaStreams(DiagnosisTopology.buildBulkTopology(config, classifier, ImageResolver.inlineOnly(),
            registry, schemas, gate::bulk), bulk));
    started.forEach(KafkaStreams::start);
    return started;
  }

  /** Whether every instance is running and owns {@code tasksEach} partitions. */
  static boolean running(Collection<KafkaStreams> instances, int tasksEach) {
    return instances.stream().allMatch(streams -> streams.state() == KafkaStreams.State.RUNNING
        && streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() == tasksEach);
  }

  static KafkaProducer<String, byte[]> rawProducer(EmbeddedKafkaKraftBroker broker) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** A request for {@code image} with the id {@code id}, encoded as the API writes it. */
  static byte[] request(String id, byte[] image) throws IOException {
    return encode(TestRequests.inline(id, image));
  }

  static byte[] encode(DiagnosisRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DiagnosisRequest.getEncoder().encode(request, out);
    return out.toByteArray();
  }

  /** A reader of committed results in a group of its own, from the topic's beginning. */
  static KafkaConsumer<String, DiagnosisResult> resultsConsumer(EmbeddedKafkaKraftBroker broker) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-results-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // Only committed transactions: what a real reader of results sees under exactly-once.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(),
        Topics.defaults().results().valueSerde().deserializer());
  }

  /**
   * Every committed result on {@code topic}, from its beginning to its end, by request id in id order. Read after
   * the instances stopped, it holds every result they will ever write, so a duplicate cannot arrive later.
   */
  static Map<String, List<DiagnosisResult>> allResults(EmbeddedKafkaKraftBroker broker, String topic) {
    Map<String, List<DiagnosisResult>> answers = new TreeMap<>();
    try (KafkaConsumer<String, DiagnosisResult> consumer = resultsConsumer(broker)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        for (ConsumerRecord<String, DiagnosisResult> record : consumer.poll(Duration.ofMillis(200))) {
          answers.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
        }
      }
    }
    return answers;
  }
}
