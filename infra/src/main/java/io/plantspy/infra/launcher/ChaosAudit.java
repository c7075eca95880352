package io.plantspy.infra.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.plantspy.schemas.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The chaos suite's look behind the API: how each accepted diagnosis ended, read from MongoDB (the state every
 * API instance answers from), how many committed results each request has on the results topic (more than one is
 * a duplicate), how many records reached the dead-letter topic, and the poison records it writes on the requests
 * topic. Read through the same Kafka and MongoDB the services use, as an operator would.
 */
final class ChaosAudit implements AutoCloseable {

  /** Begins the key of every poison record, so that no one mistakes them for requests. */
  static final String POISON_KEY_PREFIX = "poison-";
  private static final int ID_BATCH = 500;

  private final String bootstrap;
  private final TopicNames topics = TopicNames.defaults();
  private final MongoClient mongo;
  private final MongoCollection<Document> diagnoses;

  ChaosAudit(PlatformSettings settings) {
    this.bootstrap = KafkaService.bootstrap(settings);
    this.mongo = MongoService.client(MongoService.uri(settings));
    this.diagnoses = mongo.getDatabase("plantspy").getCollection("diagnoses");
  }

  /**
   * Asks the store how the ledger's unfinished diagnoses stand and records those that have ended. False if the
   * store could not be read (it may be the fault under test); the next look tries again.
   */
  boolean refresh(ChaosLedger ledger) {
    List<String> ids = ledger.unfinishedIds();
    try {
      for (int from = 0; from < ids.size(); from += ID_BATCH) {
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
        for (Document doc : diagnoses.find(Filters.in("_id", batch))
            .projection(Projections.include("status", "result.errorCode"))) {
          Document result = doc.get("result", Document.class);
          ledger.finished(doc.getString("_id"), doc.getString("status"),
              result == null ? null : result.getString("errorCode"));
        }
      }
      return true;
    } catch (RuntimeException storeDown) {
      return false;
    }
  }

  /** Committed results per request id on the results topic, read from its beginning. */
  Map<String, Integer> resultsPerId() {
    return countPerKey(topics.results());
  }

  /** Committed records on the dead-letter topic. */
  int deadLetters() {
    return countPerKey(topics.dlq()).values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Writes {@code count} records on the requests topic that no processor can read: half are random bytes, half
   * start like a request (Avro's single-object marker) and then break off. Keys are fresh ids nobody waits for.
   */
  void poison(int count) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    Random random = new Random(42);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        byte[] value = new byte[64 + random.nextInt(512)];
        random.nextBytes(value);
        if (i % 2 == 1) {
          value[0] = (byte) 0xC3;
          value[1] = (byte) 0x01;
        }
        producer.send(new ProducerRecord<>(topics.requests(), POISON_KEY_PREFIX + UUID.randomUUID(), value)).get();
      }
    }
  }

  private Map<String, Integer> countPerKey(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Only what transactions committed: an aborted attempt's output is not a result anyone sees.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable offsets: reading up to them reads everything.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          counts.merge(record.key(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  @Override
  public void close() {
    mongo.close();
  }
}
