package io.plantspy.ingest;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.JpegThumbnail;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.schemas.Diagnosis;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.InlineImage;
import io.plantspy.schemas.RequestSource;
import io.plantspy.schemas.ScoredLabel;
import io.plantspy.schemas.Timings;
import io.plantspy.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for the stream processor: reads every DiagnosisRequest and answers it with a fixed Diagnosis on the
 * results topic (a camera feed frame's on the feed results topic). Bounded: it stops when closed, and its thread is a daemon.
 */
final class FakeProcessor implements AutoCloseable {

  static final String MODEL_RELEASE = "test-release-1";

  final List<DiagnosisRequest> seen = new CopyOnWriteArrayList<>();
  /** The traceparent header of each request record seen, by request id. */
  final Map<String, String> traceparents = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  FakeProcessor(String brokers, String group) {
    Topics topics = Topics.defaults();
    KafkaConsumer<String, DiagnosisRequest> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), topics.requests().valueSerde().deserializer());
    KafkaProducer<String, DiagnosisResult> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
        new StringSerializer(), topics.results().valueSerde().serializer());
    consumer.subscribe(List.of(topics.requests().name()));
    thread = new Thread(() -> {
      try (consumer; producer) {
        while (running.get()) {
          for (ConsumerRecord<String, DiagnosisRequest> record : consumer.poll(Duration.ofMillis(100))) {
            seen.add(record.value());
            DiagnosisResult result = answer(record.value());
            // Where the processor answers: a camera feed frame on the feed results topic.
            String topic = record.value().getSource() == RequestSource.FEED ? topics.feedResults().name()
                : topics.results().name();
            ProducerRecord<String, DiagnosisResult> answer = new ProducerRecord<>(topic, result.getId(), result);
            // As the processor does: the request's trace context travels on to its result.
            Header traceparent = record.headers().lastHeader("traceparent");
            if (traceparent != null) {
              traceparents.put(result.getId(), new String(traceparent.value(), StandardCharsets.US_ASCII));
              answer.headers().add(traceparent);
            }
            producer.send(answer);
          }
          producer.flush();
        }
      }
    }, "fake-processor");
    thread.setDaemon(true);
    thread.start();
  }

  static DiagnosisResult answer(DiagnosisRequest request) {
    ScoredLabel disease = new ScoredLabel("Early_blight", 0.91f);
    Diagnosis diagnosis = Diagnosis.newBuilder()
        .setCategory(new ScoredLabel("Tomato", 0.98f))
        .setHealth(new ScoredLabel("sick", 0.95f))
        .setDisease(disease)
        .setPredictedClass("Tomato___Early_blight")
        .setTop3(List.of(new ScoredLabel("Tomato___Early_blight", 0.91f),
            new ScoredLabel("Tomato___Late_blight", 0.05f), new ScoredLabel("Tomato___healthy", 0.02f)))
        .setUnknown(false)
        .build();
    return DiagnosisResult.newBuilder()
        .setId(request.getId())
        .setOwner(request.getOwner())
        .setModelRelease(MODEL_RELEASE)
        .setOutcome(diagnosis)
        .setTimings(new Timings(5L, 3L, 20L, 1))
        .setCompletedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setThumbnail(thumbnail(request))
        .build();
  }

  /** As the processor makes it, when the request asks and carries its image inline (no claim checks here). */
  private static ByteBuffer thumbnail(DiagnosisRequest request) {
    if (request.getThumbnail() == null || !(request.getImage() instanceof InlineImage inline)) {
      return null;
    }
    try {
      byte[] bytes = new byte[inline.getData().remaining()];
      inline.getData().duplicate().get(bytes);
      return ByteBuffer.wrap(JpegThumbnail.of(new LeafImagePreprocessor(ImageLimits.defaults()).decode(bytes),
          request.getThumbnail().getMaxSide(), request.getThumbnail().getQuality()));
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
  }
}
