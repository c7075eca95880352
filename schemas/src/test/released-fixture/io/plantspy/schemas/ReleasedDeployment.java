package io.plantspy.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Compiled by ReleasedReaderTest together with a released schemas module (never with this version's): a reader of
 * that release as it is deployed, its catalog backed by the schema topic, which here holds the records the new
 * writer published to it. Uses only the release's own API, so it must compile against every release snapshotted.
 */
public final class ReleasedDeployment {

  private ReleasedDeployment() {
  }

  /**
   * Decodes {@code bytes} as the released service reading {@code topic} (a {@code Topics} accessor) would.
   *
   * @param schemaRecords key (fingerprint) and value (schema JSON) of each record on the schema topic
   */
  @SuppressWarnings("unchecked")
  public static Object read(String topic, byte[] bytes, List<String[]> schemaRecords) throws Exception {
    MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    TopicPartition partition = new TopicPartition(SchemaTopic.DEFAULT_NAME, 0);
    Node broker = new Node(0, "localhost", 9092);
    consumer.updatePartitions(SchemaTopic.DEFAULT_NAME, List.of(
        new PartitionInfo(SchemaTopic.DEFAULT_NAME, 0, broker, new Node[] {broker}, new Node[] {broker})));
    consumer.updateBeginningOffsets(Map.of(partition, 0L));
    consumer.updateEndOffsets(Map.of(partition, (long) schemaRecords.size()));
    consumer.schedulePollTask(() -> {
      for (int offset = 0; offset < schemaRecords.size(); offset++) {
        consumer.addRecord(new ConsumerRecord<>(SchemaTopic.DEFAULT_NAME, 0, offset, schemaRecords.get(offset)[0],
            schemaRecords.get(offset)[1]));
      }
    });
    SchemaTopic schemas = new SchemaTopic(SchemaTopic.DEFAULT_NAME,
        new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()), consumer,
        Duration.ofSeconds(5));
    Topics topics = Topics.from(TopicNames.defaults(), SchemaCatalog.load(schemas));
    Topic<String, Object> descriptor = (Topic<String, Object>) Topics.class.getMethod(topic).invoke(topics);
    return descriptor.valueSerde().deserializer().deserialize("plantspy.test", bytes);
  }
}
