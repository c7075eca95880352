package io.plantspy.processor.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.Topic;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChampionFollowerTest {

  private static final Topic<String, ModelRelease> TOPIC = Topics.defaults().modelReleases();
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC.name(), 0);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChampionFollower follower =
      new ChampionFollower(consumer, TOPIC.name(), TOPIC.valueSerde().deserializer(), "champion", registry);
  private long offset;

  @AfterEach
  void stop() {
    follower.close();
  }

  @Test
  void catchUpAnswersTheLastPromotedChampionAndSkipsWhatCannotBeDecoded() {
    topicWithRecords(4);
    consumer.schedulePollTask(() -> {
      add("champion", encode("r1", true));
      add("champion", new byte[] {0, 1, 2, 3}); // a poison pill
      add("challenger", encode("r9", true));
      add("champion", encode("r2", false));
    });

    Optional<ModelRelease> champion = follower.catchUp(Duration.ofSeconds(10));

    assertThat(champion).map(ModelRelease::getId).contains("r1");
    assertThat(registry.get(ChampionFollower.UNDECODABLE).counter().count()).isEqualTo(1);
  }

  @Test
  void aRecordThatCannotBeDecodedDoesNotStopFollowing() {
    topicWithRecords(0);
    assertThat(follower.catchUp(Duration.ofSeconds(10))).isEmpty();
    List<String> served = new CopyOnWriteArrayList<>();
    follower.follow(release -> served.add(release.getId()));

    add("champion", new byte[] {(byte) 0xC3, 0x01, 9, 9});
    add("champion", encode("r3", true));

    await().atMost(Duration.ofSeconds(10)).until(() -> served.contains("r3"));
    assertThat(served).containsExactly("r3");
    assertThat(registry.get(ChampionFollower.UNDECODABLE).counter().count()).isEqualTo(1);
  }

  @Test
  void aReleaseTheStartupReadMissedIsServedOnceTheTopicCanBeReadAgain() {
    topicWithRecords(2);
    consumer.schedulePollTask(() -> add("champion", encode("r1", true))); // read by the startup's first poll
    consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker unreachable")));

    assertThat(follower.catchUp(Duration.ofSeconds(10))).isEmpty();
    offset = 0;
    add("champion", encode("r1", true)); // still on the broker: the mock hands each record out once only
    List<String> served = new CopyOnWriteArrayList<>();
    follower.follow(release -> served.add(release.getId()));

    await().atMost(Duration.ofSeconds(10)).until(() -> served.contains("r1"));
  }

  private void topicWithRecords(long end) {
    consumer.updatePartitions(TOPIC.name(), List.of(new PartitionInfo(TOPIC.name(), 0, null, null, null)));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    consumer.updateEndOffsets(Map.of(PARTITION, end));
  }

  private void add(String key, byte[] value) {
    consumer.addRecord(new ConsumerRecord<>(TOPIC.name(), 0, offset++, key, value));
  }

  private static byte[] encode(String id, boolean promoted) {
    ModelRelease release = ChampionSwapperTest.announcement(id);
    release.setPromoted(promoted);
    return TOPIC.valueSerde().serializer().serialize(TOPIC.name(), release);
  }
}
