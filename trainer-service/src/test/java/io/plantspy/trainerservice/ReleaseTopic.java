package io.plantspy.trainerservice;

import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the releases topic from its beginning with the topic's own serde, as a stream processor does. */
public final class ReleaseTopic implements AutoCloseable {

  private final KafkaConsumer<String, ModelRelease> consumer;
  private final List<ConsumerRecord<String, ModelRelease>> seen = new ArrayList<>();

  public ReleaseTopic(String bootstrapServers) {
    Topics topics = Topics.defaults();
    consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
        topics.modelReleases().valueSerde().deserializer());
    TopicPartition partition = new TopicPartition(topics.modelReleases().name(), 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  /** Every announcement so far, in order (polls once more). */
  public List<ConsumerRecord<String, ModelRelease>> announcements() {
    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    return List.copyOf(seen);
  }

  /** The id of the latest {@code champion} announcement, or null. */
  public String champion() {
    List<ConsumerRecord<String, ModelRelease>> all = announcements();
    for (int i = all.size() - 1; i >= 0; i--) {
      if ("champion".equals(all.get(i).key())) {
        return all.get(i).value().getId();
      }
    }
    return null;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
