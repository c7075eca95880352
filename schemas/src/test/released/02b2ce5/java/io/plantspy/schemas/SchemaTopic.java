package io.plantspy.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaParser;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted topic every writer publishes its schema to before its first record (key: the schema's CRC-64-AVRO
 * fingerprint as 16 hex digits, value: the schema's JSON), and that a {@link SchemaCatalog} reads when it meets a
 * fingerprint it did not ship with. See SchemaCatalog for why the project resolves schemas this way.
 *
 * <p>Owns one producer and one consumer. The consumer is assigned every partition without a consumer group and
 * only ever reads forward, so each miss costs a catch-up over what was published since the last one.
 */
public final class SchemaTopic implements AutoCloseable {

  /** The topic the launcher creates (compacted); one per Kafka cluster, shared by every service. */
  public static final String DEFAULT_NAME = "plantspy.schemas";

  private static final Logger log = LoggerFactory.getLogger(SchemaTopic.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final String name;
  private final Producer<String, String> producer;
  private final Consumer<String, String> consumer;
  private final Duration timeout;

  // Guarded by this: the consumer is single-threaded, and lookups are rare (once per new fingerprint).
  private final Map<Long, Schema> read = new HashMap<>();
  private List<TopicPartition> partitions;
  private final Set<Long> published = new HashSet<>();

  SchemaTopic(String name, Producer<String, String> producer, Consumer<String, String> consumer, Duration timeout) {
    this.name = name;
    this.producer = producer;
    this.consumer = consumer;
    this.timeout = timeout;
  }

  /**
   * Clients for {@code name} built from {@code connection}: the settings every client of the cluster needs
   * (bootstrap.servers, security.*). Nothing connects until the first publish or lookup.
   */
  public static SchemaTopic connect(String name, Map<String, Object> connection, Duration timeout) {
    Map<String, Object> producerConfig = new HashMap<>(connection);
    // A schema acknowledged here must survive a broker loss: records that need it follow right after.
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "plantspy-schema-publisher");
    Map<String, Object> consumerConfig = new HashMap<>(connection);
    consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned, not subscribed: no group, no commits
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Reading must not create the topic: auto-created, it would lack compaction and lose schemas to retention.
    consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "plantspy-schema-reader");
    return new SchemaTopic(name,
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer()),
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer()),
        timeout);
  }

  public String name() {
    return name;
  }

  /**
   * Publishes {@code schema} unless this instance already did, and returns once the broker has it.
   *
   * @throws SchemaLookupException if the broker did not acknowledge it in time: the caller must not write records
   *     with this schema, since readers could not resolve them
   */
  public void publish(Schema schema) {
    long fingerprint = fingerprint(schema);
    synchronized (published) {
      if (published.contains(fingerprint)) {
        return;
      }
    }
    try {
      // Schema.toString() is the same JSON; SchemaFormatter.format looks its formatter up through a ServiceLoader,
      // which failed ("Unsupported schema format") when several first requests announced at once.
      producer.send(new ProducerRecord<>(name, key(fingerprint), schema.toString()))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaLookupException("Interrupted while publishing " + describe(schema, fingerprint), e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new SchemaLookupException("Cannot publish " + describe(schema, fingerprint) + ": " + cause, cause);
    }
    synchronized (published) {
      published.add(fingerprint);
    }
    log.info("Published {}", describe(schema, fingerprint));
  }

  /**
   * The schema published under {@code fingerprint}, reading whatever was published since the last lookup.
   *
   * @return empty if the topic holds no such schema (after reading all of it)
   * @throws SchemaLookupException if the topic could not be read to its end in time
   */
  public synchronized Optional<Schema> find(long fingerprint) {
    Schema known = read.get(fingerprint);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      catchUp();
    } catch (KafkaException e) {
      throw new SchemaLookupException("Cannot read schema topic " + name + ": " + e, e);
    }
    return Optional.ofNullable(read.get(fingerprint));
  }

  private void catchUp() {
    if (partitions == null) {
      List<PartitionInfo> infos = consumer.partitionsFor(name, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new SchemaLookupException("Schema topic " + name + " does not exist", null);
      }
      partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new SchemaLookupException("Schema topic " + name + " not read to its end within " + timeout, null);
      }
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        remember(record);
      }
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return partitions.stream().allMatch(p -> consumer.position(p, timeout) >= end.getOrDefault(p, 0L));
  }

  private void remember(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return; // A tombstone: nothing to learn.
    }
    try {
      Schema schema = new SchemaParser().parse(record.value()).mainSchema();
      long fingerprint = fingerprint(schema);
      // The key is only an index; a value that does not hash to it would let one entry impersonate another.
      if (!key(fingerprint).equals(record.key())) {
        log.warn("Ignoring {}-{}@{}: key {} is not its schema's fingerprint {}", record.topic(),
            record.partition(), record.offset(), record.key(), key(fingerprint));
        return;
      }
      read.put(fingerprint, schema);
    } catch (SchemaParseException e) {
      log.warn("Ignoring {}-{}@{}: not an Avro schema ({})", record.topic(), record.partition(), record.offset(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    producer.close(timeout);
    synchronized (this) {
      consumer.close();
    }
  }

  static String key(long fingerprint) {
    return String.format("%016x", fingerprint);
  }

  private String describe(Schema schema, long fingerprint) {
    return "schema " + schema.getFullName() + " (" + key(fingerprint) + ") to topic " + name;
  }

  private static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }
}
