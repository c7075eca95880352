package io.plantspy.feeds.gateway;

import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.schemas.Timings;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft broker per test JVM with the platform's topics, a producer writing results as the stream
 * processor does, and readers of the requests and alerts topics, all with the real serdes.
 */
public final class TestKafka {

  /** Created by the service (its NewTopic), as on the platform. */
  public static final String ALERTS = "plantspy.alerts";
  private static final EmbeddedKafkaKraftBroker BROKER;
  private static final Topics TOPICS = Topics.defaults();
  private static final KafkaProducer<String, DiagnosisResult> RESULTS;

  static {
    BROKER = new EmbeddedKafkaKraftBroker(1, 1, TOPICS.requests().name(), TOPICS.results().name(),
        TOPICS.feedResults().name(), "plantspy.schemas");
    BROKER.afterPropertiesSet();
    RESULTS = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), TOPICS.results().valueSerde().serializer());
  }

  private TestKafka() {}

  public static String brokers() {
    return BROKER.getBrokersAsString();
  }

  /** Writes a feed frame's result where the processor does: on the feed results topic. */
  public static void publish(DiagnosisResult result) {
    try {
      RESULTS.send(new ProducerRecord<>(TOPICS.feedResults().name(), result.getId(), result)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every request on the topic that {@code wanted} accepts, read until {@code quiet} passes with none new. */
  public static List<DiagnosisRequest> requests(Predicate<DiagnosisRequest> wanted, int atLeast, Duration quiet) {
    return read(TOPICS.requests().name(), TOPICS.requests().valueSerde().deserializer(), wanted, atLeast, quiet);
  }

  public static List<String> alerts(Predicate<String> wanted, int atLeast, Duration quiet) {
    return read(ALERTS, new StringDeserializer(), wanted, atLeast, quiet);
  }

  /**
   * Reads the whole topic from the start until at least {@code atLeast} wanted values came (at most a minute) and
   * then {@code quiet} passed without a new one, so a value too many is seen too.
   */
  private static <V> List<V> read(String topic, org.apache.kafka.common.serialization.Deserializer<V> values,
      Predicate<V> wanted, int atLeast, Duration quiet) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        4 * 1024 * 1024);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<V> found = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(60);
      Instant lastNew = Instant.now();
      while (Instant.now().isBefore(deadline)
          && (found.size() < atLeast || Duration.between(lastNew, Instant.now()).compareTo(quiet) < 0)) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null && wanted.test(record.value())) {
            found.add(record.value());
            lastNew = Instant.now();
          }
        }
      }
      return found;
    }
  }

  /** A completed diagnosis of a sick tomato leaf, the disease with {@code confidence}. */
  public static DiagnosisResult earlyBlight(String id, String owner, float confidence) {
    Diagnosis diagnosis = Diagnosis.newBuilder()
        .setCategory(new ScoredLabel("Tomato", 0.97f))
        .setHealth(new ScoredLabel("sick", 0.91f))
        .setDisease(new ScoredLabel("Early_blight", confidence))
        .setPredictedClass("Tomato___Early_blight")
        .setTop3(List.of(new ScoredLabel("Tomato___Early_blight", confidence)))
        .setUnknown(false)
        .build();
    return DiagnosisResult.newBuilder().setId(id).setOwner(owner).setModelRelease("release-1").setOutcome(diagnosis)
        .setTimings(new Timings(1L, 2L, 3L, 1)).setCompletedAt(Instant.now()).build();
  }

  /** A healthy leaf. */
  public static DiagnosisResult healthy(String id, String owner) {
    Diagnosis diagnosis = Diagnosis.newBuilder()
        .setCategory(new ScoredLabel("Tomato", 0.97f))
        .setHealth(new ScoredLabel("healthy", 0.95f))
        .setDisease(null)
        .setPredictedClass("Tomato___healthy")
        .setTop3(List.of(new ScoredLabel("Tomato___healthy", 0.95f)))
        .setUnknown(false)
        .build();
    return DiagnosisResult.newBuilder().setId(id).setOwner(owner).setModelRelease("release-1").setOutcome(diagnosis)
        .setTimings(new Timings(1L, 2L, 3L, 1)).setCompletedAt(Instant.now()).build();
  }
}
