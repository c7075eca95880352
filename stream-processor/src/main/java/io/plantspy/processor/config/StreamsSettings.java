package io.plantspy.processor.config;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/** Turns {@link ProcessorProperties} into Kafka Streams properties. */
public final class StreamsSettings {

  /** Kafka Streams' own default for poll.ms; batching needs it no longer than the batch wait. */
  private static final long DEFAULT_POLL_MS = 100;

  private StreamsSettings() {}

  public static Properties from(ProcessorProperties config) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    // The buffer store, its input offsets and the results commit together; see MicroBatcher.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    // A stream thread blocked in poll() cannot fire the batch punctuator, so a quiet partition's partial batch is
    // answered up to one poll after its max wait: a poll no longer than the wait keeps that under twice the wait.
    // The price is an idle thread waking every poll.ms: measured on the 2-core development machine at about 1 % of
    // a core per idle stream thread at 20 ms, 0.4 % at 100 ms: not worth up to 80 ms more on a quiet partition.
    props.put(StreamsConfig.POLL_MS_CONFIG, pollMillis(config.batch()));
    // Values are decoded (and dead-lettered) inside the topology; only a bad String key can fail here, and such a
    // record has no request id to answer, so it is logged and skipped rather than stopping the partition.
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    // A failing blob store or model runtime is retried inside the topology (see MicroBatcher). Anything else thrown
    // while processing (a bug) fails the task: under exactly-once that aborts the transaction, so the buffered
    // requests are retried by the replacement thread instead of being skipped, which is what CONTINUE would do.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
    // A processor that crashed holds its partitions until its session times out: the group waits that long before
    // a restarted or surviving instance gets them. Kafka's 45 s default was most of the recovery time measured by
    // the chaos suite after a kill -9 (RELIABILITY.md); heartbeats come from their own thread every 3 s, so 10 s
    // still outlasts a long pause of the processing threads.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    if (config.stateDir() != null) {
      props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    }
    props.putAll(config.streams());
    return props;
  }

  /**
   * The bulk instance's settings: those of {@link #from} under the application id {@code applicationId}-bulk (its
   * own consumer group, transactional ids and changelogs), with its own threads and poll interval.
   */
  public static Properties forBulk(ProcessorProperties config) {
    Properties props = from(config);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId() + "-bulk");
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.bulk().streamThreads());
    props.put(StreamsConfig.POLL_MS_CONFIG, pollMillis(config.bulk().batch()));
    // Fewer, larger transactions for bulk items (see Bulk#commitInterval); set after the general streams
    // properties, which are meant for the interactive instance.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.bulk().commitInterval().toMillis());
    return props;
  }

  private static long pollMillis(ProcessorProperties.Batch batch) {
    return Math.max(1, Math.min(DEFAULT_POLL_MS, batch.maxWait().toMillis()));
  }
}
