package io.plantspy.webhooks;

import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.schemas.Timings;
import io.plantspy.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft broker per test JVM with the topics the service reads, and producers writing what the stream
 * processor and the release publisher write, with the real serdes.
 */
public final class TestKafka {

  /** The feed gateway's alerts topic (JSON). */
  public static final String ALERTS = "plantspy.alerts";
  private static final EmbeddedKafkaKraftBroker BROKER;
  private static final Topics TOPICS = Topics.defaults();
  private static final KafkaProducer<String, DiagnosisResult> RESULTS;
  private static final KafkaProducer<String, ModelRelease> RELEASES;

  static {
    BROKER = new EmbeddedKafkaKraftBroker(1, 1, TOPICS.results().name(), TOPICS.modelReleases().name(),
        "plantspy.schemas", ALERTS, TOPICS.jobEvents().name(), TOPICS.bulkResults().name(),
        TOPICS.feedResults().name());
    BROKER.afterPropertiesSet();
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
        ProducerConfig.ACKS_CONFIG, "all");
    RESULTS = new KafkaProducer<>(config, new StringSerializer(), TOPICS.results().valueSerde().serializer());
    RELEASES = new KafkaProducer<>(config, new StringSerializer(), TOPICS.modelReleases().valueSerde().serializer());
  }

  private TestKafka() {}

  public static String brokers() {
    return BROKER.getBrokersAsString();
  }

  public static void publish(DiagnosisResult result) {
    try {
      RESULTS.send(new ProducerRecord<>(TOPICS.results().name(), 0, result.getId(), result)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a camera feed frame's result as the processor does: on the feed results topic. */
  public static void publishFeed(DiagnosisResult result) {
    try {
      RESULTS.send(new ProducerRecord<>(TOPICS.feedResults().name(), 0, result.getId(), result)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a result as the processor's bulk instance does: on the bulk results topic. */
  public static void publishBulk(DiagnosisResult result) {
    try {
      RESULTS.send(new ProducerRecord<>(TOPICS.bulkResults().name(), 0, result.getId(), result)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a job's end as the ingest API does: keyed by job id. */
  public static void jobEnded(JobEvent event) {
    try (KafkaProducer<String, JobEvent> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), TOPICS.jobEvents().valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(TOPICS.jobEvents().name(), event.getJobId(), event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes an alert as the feed gateway does: JSON keyed by device id. */
  public static void alert(String device, String json) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(ALERTS, device, json)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void promote(ModelRelease release) {
    try {
      RELEASES.send(new ProducerRecord<>(TOPICS.modelReleases().name(), "champion", release)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A completed diagnosis of a sick tomato leaf for {@code owner}, disease included. */
  public static DiagnosisResult completed(String id, String owner) {
    Diagnosis diagnosis = Diagnosis.newBuilder()
        .setCategory(new ScoredLabel("Tomato", 0.97f))
        .setHealth(new ScoredLabel("sick", 0.91f))
        .setDisease(new ScoredLabel("Early_blight", 0.88f))
        .setPredictedClass("Tomato___Early_blight")
        .setTop3(List.of(new ScoredLabel("Tomato___Early_blight", 0.88f)))
        .setUnknown(false)
        .build();
    return result(id, owner, diagnosis);
  }

  public static DiagnosisResult failed(String id, String owner) {
    return result(id, owner, new DiagnosisError(ErrorCode.UNDECODABLE_IMAGE, "not an image"));
  }

  public static ModelRelease release(String id) {
    return ModelRelease.newBuilder().setId(id).setBackboneSha256("b").setHeadSha256("h")
        .setLabels(List.of("Tomato___healthy")).setCreatedAt(Instant.now()).setLocation("gridfs:releases/1")
        .setPromoted(true).build();
  }

  private static DiagnosisResult result(String id, String owner, Object outcome) {
    return DiagnosisResult.newBuilder().setId(id).setOwner(owner).setModelRelease("release-1").setOutcome(outcome)
        .setTimings(new Timings(1L, 2L, 3L, 1)).setCompletedAt(Instant.now()).build();
  }
}
