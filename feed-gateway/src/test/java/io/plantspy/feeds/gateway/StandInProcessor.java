package io.plantspy.feeds.gateway;

import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Answers every request on the requests topic at once with a healthy-leaf result, where the stream processor would
 * run the model: what is left to measure is the feed path (MQTT, sampling, vetting, Kafka, MongoDB, the answer back).
 */
final class StandInProcessor implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;

  StandInProcessor() {
    Topics topics = Topics.defaults();
    thread = new Thread(() -> {
      Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
          ConsumerConfig.GROUP_ID_CONFIG, "stand-in-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
          4 * 1024 * 1024);
      try (KafkaConsumer<String, DiagnosisRequest> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
          topics.requests().valueSerde().deserializer())) {
        consumer.subscribe(List.of(topics.requests().name()));
        while (running) {
          for (var record : consumer.poll(Duration.ofMillis(100))) {
            TestKafka.publish(TestKafka.healthy(record.value().getId(), record.value().getOwner()));
          }
        }
      }
    }, "stand-in-processor");
    thread.start();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
