package io.plantspy.ingest.kafka;

import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.schemas.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Which partitions of the results topic this instance's result listener holds. Results are keyed by request id,
 * so the partition a result lands on is known in advance: if this instance holds it, the listener here stores the
 * result and wakes the waiter ({@link ResultWaiters}); if not, another instance stores it and the waiter has to
 * look in MongoDB. That keeps a single instance from polling at all, and still answers across instances. The
 * listener also reads the feed frames' results topic, whose partitions say nothing about a waiter's result (waiters
 * are for uploads and URLs): they are not counted.
 */
@Component
public class ResultPartitions implements ConsumerAwareRebalanceListener {

  private final Set<Integer> held = ConcurrentHashMap.newKeySet();
  // 0 until the first assignment: until then nothing counts as held, and waiters poll.
  private volatile int partitionCount;

  /** Whether the result of request {@code id} will be consumed by this instance, as far as it knows now. */
  public boolean holdsResultOf(String id) {
    int count = partitionCount;
    return count > 0 && held.contains(partitionOf(id, count));
  }

  /** The producer's default partitioner for a String key, which is what the processor's results use. */
  static int partitionOf(String id, int partitionCount) {
    return Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitionCount;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    List<TopicPartition> results = ofResults(partitions);
    if (!results.isEmpty()) {
      partitionCount = consumer.partitionsFor(results.get(0).topic()).size();
    }
    results.forEach(p -> held.add(p.partition()));
  }

  @Override
  public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    ofResults(partitions).forEach(p -> held.remove(p.partition()));
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    ofResults(partitions).forEach(p -> held.remove(p.partition()));
  }

  private static List<TopicPartition> ofResults(Collection<TopicPartition> partitions) {
    return partitions.stream().filter(p -> !TopicNames.DIAGNOSIS_RESULTS_FEED.equals(p.topic())).toList();
  }
}
