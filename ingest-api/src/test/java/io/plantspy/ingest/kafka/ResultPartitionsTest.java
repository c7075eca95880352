package io.plantspy.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.TopicNames;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ResultPartitionsTest {

  private static final String TOPIC = "plantspy.diagnosis.results";

  @Test
  void predictsThePartitionTheProducerPicksForAResultKey() {
    // Kafka Streams sinks without a partitioner leave the choice to the producer's built-in key partitioner.
    for (int partitions : new int[] {1, 3, 5}) {
      for (int i = 0; i < 200; i++) {
        String id = UUID.randomUUID().toString();
        assertThat(ResultPartitions.partitionOf(id, partitions)).as(id)
            .isEqualTo(BuiltInPartitioner.partitionForKey(new StringSerializer().serialize(TOPIC, id), partitions));
      }
    }
  }

  @Test
  void holdsOnlyResultsOfAssignedPartitionsUntilTheyAreRevoked() {
    ResultPartitions held = new ResultPartitions();
    String id = UUID.randomUUID().toString();
    int partition = ResultPartitions.partitionOf(id, 3);
    assertThat(held.holdsResultOf(id)).as("nothing assigned yet").isFalse();

    MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    Node node = new Node(0, "localhost", 9092);
    consumer.updatePartitions(TOPIC, List.of(0, 1, 2).stream()
        .map(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node})).toList());
    held.onPartitionsAssigned(consumer, List.of(new TopicPartition(TOPIC, (partition + 1) % 3)));
    assertThat(held.holdsResultOf(id)).as("another partition assigned").isFalse();

    held.onPartitionsAssigned(consumer, List.of(new TopicPartition(TOPIC, partition)));
    assertThat(held.holdsResultOf(id)).isTrue();

    held.onPartitionsRevokedBeforeCommit(consumer, List.of(new TopicPartition(TOPIC, partition)));
    assertThat(held.holdsResultOf(id)).as("revoked").isFalse();
  }

  @Test
  void aPartitionOfTheFeedResultsTopicIsNotAResultsPartitionHeld() {
    ResultPartitions held = new ResultPartitions();
    String id = UUID.randomUUID().toString();
    int partition = ResultPartitions.partitionOf(id, 3);
    MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    Node node = new Node(0, "localhost", 9092);
    for (String topic : List.of(TOPIC, TopicNames.DIAGNOSIS_RESULTS_FEED)) {
      consumer.updatePartitions(topic, List.of(0, 1, 2).stream()
          .map(p -> new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node})).toList());
    }

    held.onPartitionsAssigned(consumer, List.of(new TopicPartition(TopicNames.DIAGNOSIS_RESULTS_FEED, partition),
        new TopicPartition(TOPIC, (partition + 1) % 3)));

    assertThat(held.holdsResultOf(id)).as("only the feed topic's partition of that number is held").isFalse();
  }
}
