package io.plantspy.processor.releases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.schemas.ModelRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted releases topic from its beginning with a consumer of its own: assigned every partition, in
 * no consumer group, so every processor instance sees every announcement (a group would hand each partition to one
 * instance only). {@link #catchUp} reads what was announced before startup; {@link #follow} hands each later
 * announcement under the alias to a callback on a background thread. A record that cannot be decoded is counted,
 * logged and skipped; a tombstone or an announcement that is not promoted changes nothing.
 */
public final class ChampionFollower implements AutoCloseable {

  public static final String UNDECODABLE = "plantspy.processor.release.undecodable";

  private static final Logger log = LoggerFactory.getLogger(ChampionFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** Between two looks for the topic while it does not exist yet, and after an unexpected consumer error. */
  private static final Duration PAUSE = Duration.ofSeconds(2);

  private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
  private final String topic;
  private final Deserializer<ModelRelease> decoder;
  private final String alias;
  private final Counter undecodable;
  private volatile boolean running = true;
  private Thread thread;
  private boolean assigned;

  public ChampionFollower(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, String topic,
      Deserializer<ModelRelease> decoder, String alias, MeterRegistry registry) {
    this.consumer = consumer;
    this.topic = topic;
    this.decoder = decoder;
    this.alias = alias;
    undecodable = Counter.builder(UNDECODABLE).description("Release announcements that could not be decoded")
        .register(registry);
  }

  /**
   * A follower of the configured releases topic and alias with a consumer of its own. No group id: the consumer is
   * assigned its partitions and commits nothing, so every instance reads the whole topic at every start (it is
   * compacted: about one record per alias).
   */
  public static ChampionFollower connect(ProcessorProperties properties, Deserializer<ModelRelease> decoder,
      MeterRegistry registry) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
        ConsumerConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-release-follower",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // The launcher creates the topic compacted; a follower must not create it with the broker's defaults.
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new ChampionFollower(new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
        properties.topicNames().modelReleases(), decoder, properties.releases().alias(), registry);
  }

  /**
   * Reads the topic from its beginning to its end as of now, for at most {@code timeout}; the answer is the last
   * release promoted under the alias in what was read. Call before {@link #follow}, from the same thread.
   */
  public Optional<ModelRelease> catchUp(Duration timeout) {
    try {
      return readToEnd(timeout, Instant.now().plus(timeout));
    } catch (KafkaException e) {
      // Kafka unreachable: the committed release serves; the background thread reads the topic again from its
      // beginning (what was read here is read again) and swaps once it finds the announced release.
      log.warn("Cannot read the releases topic {} at startup: {}", topic, e.toString());
      assigned = false;
      return Optional.empty();
    }
  }

  private Optional<ModelRelease> readToEnd(Duration timeout, Instant deadline) {
    Optional<ModelRelease> latest = Optional.empty();
    if (!assign(timeout)) {
      log.info("No releases topic {} yet: serving the committed release until a release is announced", topic);
      return latest;
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), timeout);
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (Instant.now().isAfter(deadline)) {
        log.warn("Read the releases topic {} for {} without reaching its end; the rest is followed in the "
            + "background", topic, timeout);
        break;
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        Optional<ModelRelease> champion = championIn(record);
        if (champion.isPresent()) {
          latest = champion;
        }
      }
    }
    return latest;
  }

  /** Hands every announcement after those {@link #catchUp} read to {@code onChampion}, on a thread of its own. */
  public synchronized void follow(Consumer<ModelRelease> onChampion) {
    if (thread != null) {
      throw new IllegalStateException("already following " + topic);
    }
    thread = new Thread(() -> run(onChampion), "plantspy-release-follower");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Consumer<ModelRelease> onChampion) {
    while (running) {
      try {
        if (!assigned && !assign(PAUSE)) {
          pause();
          continue;
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
          championIn(record).ifPresent(onChampion);
        }
      } catch (WakeupException e) {
        // close() asked this thread to stop; the loop condition ends it.
      } catch (RuntimeException e) {
        log.error("Reading release announcements from {} failed; trying again", topic, e);
        pause();
      }
    }
  }

  /** Assigns every partition of the topic at its beginning; false while the topic does not exist. */
  private boolean assign(Duration timeout) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      return false;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    assigned = true;
    return true;
  }

  private Optional<ModelRelease> championIn(ConsumerRecord<String, byte[]> record) {
    if (!alias.equals(record.key()) || record.value() == null) {
      return Optional.empty();
    }
    ModelRelease release;
    try {
      release = decoder.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      undecodable.increment();
      log.warn("Skipped release announcement {}-{}@{} that cannot be decoded: {}", record.topic(),
          record.partition(), record.offset(), e.getMessage());
      return Optional.empty();
    }
    if (!release.getPromoted()) {
      log.info("Release {} announced as {} but not promoted: ignored", release.getId(), alias);
      return Optional.empty();
    }
    return Optional.of(release);
  }

  private void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops the background thread, waiting for a swap it is doing, then closes the consumer. */
  @Override
  public void close() {
    running = false;
    Thread following;
    synchronized (this) {
      following = thread;
    }
    if (following != null) {
      consumer.wakeup();
      try {
        following.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    consumer.close();
  }
}
