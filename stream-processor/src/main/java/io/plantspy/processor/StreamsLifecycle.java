package io.plantspy.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the Kafka Streams instance for as long as the application context lives: started once every bean (model,
 * metrics) is ready, closed gracefully on shutdown so the open transaction commits or aborts cleanly.
 */
final class StreamsLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Topology topology;
  private final Properties properties;
  private final MeterRegistry registry;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;

  StreamsLifecycle(Topology topology, Properties properties, MeterRegistry registry) {
    this.topology = topology;
    this.properties = properties;
    this.registry = registry;
  }

  @Override
  public synchronized void start() {
    streams = new KafkaStreams(topology, properties);
    // A failed task aborts its transaction; a fresh thread picks the partition (and the buffered batch) back up.
    streams.setUncaughtExceptionHandler(e -> {
      log.error("Stream thread failed; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    log.info("Starting Kafka Streams:\n{}", topology.describe());
    streams.start();
  }

  @Override
  public synchronized void stop() {
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streamsMetrics.close();
      streams = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return streams != null;
  }

  KafkaStreams streams() {
    return streams;
  }
}
