package io.plantspy.ingest;

import static org.awaitility.Awaitility.await;

import io.plantspy.schemas.DiagnosisError;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.ErrorCode;
import io.plantspy.schemas.Timings;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The processor's side of bulk jobs, driven by hand: reads the items the API publishes on the bulk topic and the
 * cancellations, and writes results on the bulk results topic when a test says so (once, twice, late), so tests decide
 * what has happened when they look.
 */
final class BulkTopics implements AutoCloseable {

  private final Topics topics = Topics.defaults();
  private final KafkaConsumer<String, DiagnosisRequest> items;
  private final KafkaConsumer<String, String> cancellations;
  private final KafkaProducer<String, DiagnosisResult> results;
  private final KafkaConsumer<String, JobEvent> jobEvents;
  private final List<JobEvent> announced = new ArrayList<>();
  private final List<DiagnosisRequest> seen = new ArrayList<>();
  private final List<String> cancelled = new ArrayList<>();

  BulkTopics(String brokers) {
    items = new KafkaConsumer<>(consumer(brokers), new StringDeserializer(),
        topics.bulkRequests().valueSerde().deserializer());
    items.subscribe(List.of(topics.bulkRequests().name()));
    cancellations = new KafkaConsumer<>(consumer(brokers), new StringDeserializer(), new StringDeserializer());
    cancellations.subscribe(List.of(TopicNames.JOB_CANCELLATIONS));
    results = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
        topics.results().valueSerde().serializer());
    jobEvents = new KafkaConsumer<>(consumer(brokers), new StringDeserializer(),
        topics.jobEvents().valueSerde().deserializer());
    jobEvents.subscribe(List.of(topics.jobEvents().name()));
  }

  /** The events announced for {@code jobId} so far, once at least {@code count} are. */
  List<JobEvent> awaitJobEvents(String jobId, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (ConsumerRecord<String, JobEvent> record : jobEvents.poll(Duration.ofMillis(100))) {
        announced.add(record.value());
      }
      return announced.stream().filter(e -> e.getJobId().equals(jobId)).count() >= count;
    });
    return announced.stream().filter(e -> e.getJobId().equals(jobId)).toList();
  }

  private static Map<String, Object> consumer(String brokers) {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.GROUP_ID_CONFIG, "bulk-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
  }

  /** Every item of {@code jobId} published so far, once at least {@code count} are (in publishing order). */
  List<DiagnosisRequest> awaitItems(String jobId, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      poll();
      return of(jobId).size() >= count;
    });
    return of(jobId);
  }

  /** Items of {@code jobId} read so far. */
  List<DiagnosisRequest> of(String jobId) {
    return seen.stream().filter(r -> jobId.equals(r.getMetadata().get("jobId"))).toList();
  }

  void awaitCancellation(String jobId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (ConsumerRecord<String, String> record : cancellations.poll(Duration.ofMillis(100))) {
        cancelled.add(record.key() + "=" + record.value());
      }
      return cancelled.contains(jobId + "=" + jobId);
    });
  }

  private void poll() {
    for (ConsumerRecord<String, DiagnosisRequest> record : items.poll(Duration.ofMillis(100))) {
      seen.add(record.value());
    }
  }

  /** Answers each request with the fake processor's diagnosis. */
  void answer(List<DiagnosisRequest> requests) {
    requests.forEach(r -> results.send(new ProducerRecord<>(topics.bulkResults().name(), r.getId(),
        FakeProcessor.answer(r))));
    results.flush();
  }

  /** Writes an interactive result (a processing error) for diagnosis {@code id} on the interactive results topic. */
  void answerInteractive(String id, String owner) {
    DiagnosisResult result = DiagnosisResult.newBuilder()
        .setId(id)
        .setOwner(owner)
        .setModelRelease(FakeProcessor.MODEL_RELEASE)
        .setOutcome(new DiagnosisError(ErrorCode.UNDECODABLE_IMAGE, "the image could not be decoded"))
        .setTimings(new Timings(1L, 1L, 0L, 1))
        .setCompletedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build();
    results.send(new ProducerRecord<>(topics.results().name(), id, result));
    results.flush();
  }

  /** Answers a request with a processing error. */
  void fail(DiagnosisRequest request) {
    DiagnosisResult result = DiagnosisResult.newBuilder()
        .setId(request.getId())
        .setOwner(request.getOwner())
        .setModelRelease(FakeProcessor.MODEL_RELEASE)
        .setOutcome(new DiagnosisError(ErrorCode.UNDECODABLE_IMAGE, "the image could not be decoded"))
        .setTimings(new Timings(1L, 1L, 0L, 1))
        .setCompletedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .build();
    results.send(new ProducerRecord<>(topics.bulkResults().name(), request.getId(), result));
    results.flush();
  }

  @Override
  public void close() {
    items.close();
    cancellations.close();
    results.close();
    jobEvents.close();
  }
}
