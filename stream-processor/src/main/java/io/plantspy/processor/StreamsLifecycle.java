package io.plantspy.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

  // Three thread failures within a minute are replaced; a fourth shuts the client down (see ThreadFailureBudget).
  private static final int MAX_THREAD_FAILURES = 3;
  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
  // Kafka adds its per-partition metrics (consumer lag per topic and partition) at each assignment; the binder looks
  // for new ones this often (Micrometer's default is a minute, long after a rebalance).
  private static final Duration METRICS_REFRESH = Duration.ofSeconds(10);

  private final Topology topology;
  private final Properties properties;
  private final MeterRegistry registry;
  private final Runnable onFatalError;
  private KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private ScheduledExecutorService metricsRefresh;

  /**
   * @param onFatalError called once if Kafka Streams ends in ERROR (all its threads gone); the service should exit
   */
  StreamsLifecycle(Topology topology, Properties properties, MeterRegistry registry, Runnable onFatalError) {
    this.topology = topology;
    this.properties = properties;
    this.registry = registry;
    this.onFatalError = onFatalError;
  }

  @Override
  public synchronized void start() {
    streams = new KafkaStreams(topology, properties);
    // A failed task aborts its transaction; a fresh thread picks the partition (and the buffered batch) back up,
    // unless threads keep failing, which no fresh thread will fix.
    ThreadFailureBudget budget = new ThreadFailureBudget(MAX_THREAD_FAILURES, FAILURE_WINDOW, System::nanoTime);
    streams.setUncaughtExceptionHandler(e -> {
      StreamThreadExceptionResponse response = budget.onFailure();
      if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
        log.error("Stream thread failed; replacing it", e);
      } else {
        log.error("Stream threads failed more than {} times within {}; shutting Kafka Streams down", MAX_THREAD_FAILURES,
            FAILURE_WINDOW, e);
      }
      return response;
    });
    streams.setStateListener((newState, oldState) -> {
      if (newState == KafkaStreams.State.ERROR) {
        onFatalError.run();
      }
    });
    metricsRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "plantspy-streams-metrics");
      thread.setDaemon(true);
      return thread;
    });
    streamsMetrics = new KafkaStreamsMetrics(streams, List.of(), metricsRefresh, METRICS_REFRESH);
    streamsMetrics.bindTo(registry);
    log.info("Starting Kafka Streams:\n{}", topology.describe());
    streams.start();
  }

  @Override
  public synchronized void stop() {
    if (streams != null) {
      streams.close(CLOSE_TIMEOUT);
      streamsMetrics.close();
      metricsRefresh.shutdownNow();
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
