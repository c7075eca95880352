package io.plantspy.trainerservice.lab;

import io.plantspy.schemas.LabSample;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows {@code plantspy.lab-samples} from its beginning on a thread of its own, with a consumer of its own (all
 * partitions assigned, no group, nothing committed), so every start rebuilds the live set from the compacted topic.
 * Values are decoded here, not by the consumer, so that a record that does not decode is logged and skipped
 * instead of stopping the view.
 */
@Component
public class LabSampleView implements LabSamples, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LabSampleView.class);

  private final KafkaProperties kafka;
  private final String topic;
  private final Deserializer<LabSample> values;
  private final Duration pollTimeout;
  private final LiveSamples live = new LiveSamples();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong skipped = new AtomicLong();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread thread;

  LabSampleView(KafkaProperties kafka, Topics topics, LabProperties props) {
    this.kafka = kafka;
    this.topic = topics.labSamples().name();
    this.values = topics.labSamples().valueSerde().deserializer();
    this.pollTimeout = props.pollTimeout();
  }

  @Override
  public List<LabSample> liveSamples() {
    return live.snapshot();
  }

  /** Records that could not be decoded since start. */
  public long skippedRecords() {
    return skipped.get();
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void start() {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    running.set(true);
    thread = new Thread(this::follow, "lab-sample-view");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    try {
      // The topic may not exist yet (no lab upload so far): wait for its partitions, then read them all.
      List<TopicPartition> partitions = List.of();
      while (running.get() && partitions.isEmpty()) {
        try {
          partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          // The broker is not reachable yet: keep trying, the view must not give up at start.
          log.warn("Cannot list the partitions of {} yet: {}", topic, e.getMessage());
        }
        if (partitions.isEmpty()) {
          Thread.sleep(pollTimeout.toMillis());
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (running.get()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
        if (!records.isEmpty()) {
          for (ConsumerRecord<String, byte[]> record : records) {
            apply(record);
          }
          listeners.forEach(LabSampleView::runQuietly);
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll: leave.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Lab sample view stopped: {}", e.toString(), e);
    } finally {
      consumer.close();
    }
  }

  void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      skip(record, "no key");
      return;
    }
    if (record.value() == null) {
      live.apply(record.key(), null);
      return;
    }
    LabSample sample;
    try {
      sample = values.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException e) {
      skip(record, e.toString());
      return;
    }
    live.apply(record.key(), sample);
  }

  private void skip(ConsumerRecord<String, byte[]> record, String why) {
    skipped.incrementAndGet();
    log.warn("Skipped an undecodable lab sample record at {}-{}@{}: {}", record.topic(), record.partition(),
        record.offset(), why);
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      log.warn("A lab sample listener failed: {}", e.toString(), e);
    }
  }

  @Override
  public void stop() {
    running.set(false);
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }
}
