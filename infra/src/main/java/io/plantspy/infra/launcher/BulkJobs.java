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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bulk jobs for the bench: items produced straight to the bulk topic as the API's job intake writes them (inline
 * image, source BULK, {@code jobId} and {@code customId} in the metadata), and a reader of the committed results
 * that tells when every item of a job is answered. One job at a time.
 */
final class BulkJobs implements AutoCloseable {

  private static final String OWNER = "bench-bulk";

  private final Topic<String, DiagnosisRequest> bulk = Topics.defaults().bulkRequests();
  private final String resultsTopic = Topics.defaults().results().name();
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, DiagnosisResult> results;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
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
    List<TopicPartition> partitions = results.partitionsFor(resultsTopic).stream()
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
      byte[] photo = photos.get(i % photos.size());
      String id = UUID.randomUUID().toString();
      DiagnosisRequest item = DiagnosisRequest.newBuilder()
          .setId(id)
          .setOwner(OWNER)
          .setRequestedAnswers(List.of(Answer.CATEGORY, Answer.HEALTH, Answer.DISEASE))
          .setSource(RequestSource.BULK)
          .setImage(new InlineImage(ByteBuffer.wrap(photo)))
          .setContentType("image/jpeg")
          .setSizeBytes(photo.length)
          .setMetadata(Map.of("jobId", jobId, "customId", "photo-" + i + ".jpg"))
          .setCreatedAt(Instant.now())
          .build();
      pending.add(id);
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(bulk.name(), id,
          bulk.valueSerde().serializer().serialize(bulk.name(), item)));
    }
    producer.flush();
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
          results.poll(Duration.ofMillis(50)).forEach(record -> pending.remove(record.key()));
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
