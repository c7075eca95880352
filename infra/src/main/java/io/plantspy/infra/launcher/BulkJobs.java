package io.plantspy.infra.launcher;

import io.plantspy.schemas.Answer;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import io.plantspy.schemas.Topic;
import io.plantspy.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bulk jobs for the bench: items produced straight to the bulk topic as the API's job intake writes them (inline
 * image, source BULK, {@code jobId} and {@code customId} in the metadata), and a reader of the committed results
 * (bulk and interactive)
 * that tells when every item of a job is answered (one job at a time); also interactive requests produced straight
 * to the requests topic, timed to their committed result.
 */
final class BulkJobs implements AutoCloseable {

  private static final String OWNER = "bench-bulk";

  private final Topic<String, DiagnosisRequest> bulk = Topics.defaults().bulkRequests();
  private final String resultsTopic = Topics.defaults().results().name();
  private final String bulkResultsTopic = Topics.defaults().bulkResults().name();
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, DiagnosisResult> results;
  private final Topic<String, DiagnosisRequest> requests = Topics.defaults().requests();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> interactive = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean closed;

  BulkJobs(String bootstrap) {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        // Large batches: a job is thousands of records produced at once, as the API's intake would.
        ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
        new StringSerializer(), new ByteArraySerializer());
    results = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
        Topics.defaults().results().valueSerde().deserializer());
    // Bulk items are answered on their own results topic, interactive requests on the usual one.
    List<TopicPartition> partitions = Stream.of(resultsTopic, bulkResultsTopic)
        .flatMap(topic -> results.partitionsFor(topic).stream())
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    results.assign(partitions);
    results.seekToEnd(partitions);
    partitions.forEach(results::position); // resolve the end now: only results from here on count
    reader = new Thread(this::read, "bulk-bench-results");
    reader.setDaemon(true);
    reader.start();
  }

  /** Produces one job of {@code count} items (the photos in turn); returns once all are on the topic. */
  void submit(List<byte[]> photos, int count) {
    String jobId = "bench-" + UUID.randomUUID();
    for (int i = 0; i < count; i++) {
      DiagnosisRequest item = request(photos.get(i % photos.size()), RequestSource.BULK,
          Map.of("jobId", jobId, "customId", "photo-" + i + ".jpg"));
      pending.add(item.getId());
      producer.send(new ProducerRecord<>(bulk.name(), item.getId(),
          bulk.valueSerde().serializer().serialize(bulk.name(), item)));
    }
    producer.flush();
  }

  /**
   * One interactive request produced straight to the requests topic (no API): completes when its result is
   * committed, so its latency is the processor's and the broker's alone.
   */
  CompletableFuture<Void> interactive(byte[] photo) {
    DiagnosisRequest request = request(photo, RequestSource.UPLOAD, Map.of());
    CompletableFuture<Void> answered = new CompletableFuture<>();
    interactive.put(request.getId(), answered);
    producer.send(new ProducerRecord<>(requests.name(), request.getId(),
        requests.valueSerde().serializer().serialize(requests.name(), request)));
    producer.flush();
    return answered;
  }

  private static DiagnosisRequest request(byte[] photo, RequestSource source, Map<String, String> metadata) {
    return DiagnosisRequest.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setOwner(OWNER)
        .setRequestedAnswers(List.of(Answer.CATEGORY, Answer.HEALTH, Answer.DISEASE))
        .setSource(source)
        .setImage(new InlineImage(ByteBuffer.wrap(photo)))
        .setContentType("image/jpeg")
        .setSizeBytes(photo.length)
        .setMetadata(metadata)
        .setCreatedAt(Instant.now())
        .build();
  }

  /** Items of the submitted jobs still without a result. */
  int pending() {
    return pending.size();
  }

  /** Waits until every submitted item has a result; false if {@code timeout} passed first. */
  boolean awaitAnswered(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private void read() {
    while (!closed) {
      synchronized (results) {
        if (!closed) {
          results.poll(Duration.ofMillis(20)).forEach(record -> {
            pending.remove(record.key());
            CompletableFuture<Void> answered = interactive.remove(record.key());
            if (answered != null) {
              answered.complete(null);
            }
          });
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    reader.join(5_000);
    synchronized (results) {
      results.close();
    }
    producer.close();
  }
}
