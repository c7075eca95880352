package io.plantspy.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.schemas.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class ProcessorPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProcessorProperties.class)
  static class Bound {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Bound.class);

  @Test
  void bindsTheDefaults() {
    runner.run(context -> {
      ProcessorProperties properties = context.getBean(ProcessorProperties.class);
      assertThat(properties).isEqualTo(ProcessorProperties.defaults());
      assertThat(properties.topicNames()).isEqualTo(TopicNames.defaults());
      // Two single-threaded inference lanes and small batches: what measured best on a shared 2-core machine.
      assertThat(properties.numStreamThreads()).isEqualTo(2);
      assertThat(properties.batch().maxSize()).isEqualTo(4);
      assertThat(properties.batch().maxWait()).isEqualTo(Duration.ofMillis(20));
      assertThat(properties.inference().intraOpThreads()).isEqualTo(1);
      assertThat(properties.inference().allowSpinning()).isFalse();
      assertThat(properties.retry().maxAttempts()).isEqualTo(8);
      // Follows the champion; the cache lives under the temporary folder unless configured.
      assertThat(properties.releases().follow()).isTrue();
      assertThat(properties.releases().alias()).isEqualTo("champion");
      assertThat(properties.releases().cacheFolder())
          .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "plantspy-release-cache"));
      assertThat(properties.releases().catchUpTimeout()).isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void aZeroCatchUpTimeoutIsRefused() {
    runner.withPropertyValues("plantspy.processor.releases.catch-up-timeout=0").run(context ->
        assertThat(context.getStartupFailure()).rootCause()
            .hasMessage("plantspy.processor.releases.catch-up-timeout must be positive, was PT0S"));
  }

  @Test
  void retryBackoffDoublesFromTheInitialWaitUpToTheCap() {
    ProcessorProperties.Retry retry = ProcessorProperties.bind(java.util.Map.of(
        "retry.initial-backoff", "1s", "retry.max-backoff", "5s")).retry();

    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(retry.backoff(500)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void bindsOverrides() {
    runner.withPropertyValues(
            "plantspy.processor.topics.requests=custom.requests",
            "plantspy.processor.batch.max-size=16",
            "plantspy.processor.batch.max-wait=50ms",
            "plantspy.processor.num-stream-threads=1",
            "plantspy.processor.inference.intra-op-threads=2",
            "plantspy.processor.inference.allow-spinning=true",
            "plantspy.processor.inference.cuda=true",
            "plantspy.processor.release-dir=/srv/release",
            "plantspy.processor.max-image-bytes=5MB",
            "plantspy.processor.gridfs.uri=mongodb://mongo:27017",
            "plantspy.processor.streams.commit.interval.ms=50")
        .run(context -> {
          ProcessorProperties properties = context.getBean(ProcessorProperties.class);
          assertThat(properties.topicNames().requests()).isEqualTo("custom.requests");
          assertThat(properties.topicNames().results()).isEqualTo(TopicNames.defaults().results());
          assertThat(properties.batch().maxSize()).isEqualTo(16);
          assertThat(properties.batch().maxWait()).isEqualTo(Duration.ofMillis(50));
          assertThat(properties.numStreamThreads()).isEqualTo(1);
          assertThat(properties.inference().intraOpThreads()).isEqualTo(2);
          assertThat(properties.inference().allowSpinning()).isTrue();
          assertThat(properties.inference().cuda()).isTrue();
          assertThat(properties.releaseDir()).isEqualTo(Path.of("/srv/release"));
          assertThat(properties.maxImageBytes()).isEqualTo(DataSize.ofMegabytes(5));
          assertThat(properties.gridfs().database()).isEqualTo("plantspy");
          assertThat(properties.gridfs().readTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(properties.gridfs().serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.streams()).containsEntry("commit.interval.ms", "50");
        });
  }

  @Test
  void refusesInvalidValuesAtStartup() {
    runner.withPropertyValues("plantspy.processor.batch.max-size=0")
        .run(context -> assertThat(context).hasFailed());
    runner.withPropertyValues("plantspy.processor.batch.max-wait=0ms")
        .run(context -> assertThat(context).hasFailed());
    runner.withPropertyValues("plantspy.processor.topics.dlq=plantspy.diagnosis.requests")
        .run(context -> assertThat(context).hasFailed());
    // Zero would be no bound at all to the MongoDB driver.
    runner.withPropertyValues("plantspy.processor.gridfs.uri=mongodb://mongo:27017",
            "plantspy.processor.gridfs.read-timeout=0s")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void streamsRunExactlyOnceAndPollNoLongerThanABatchWaits() {
    Properties props = StreamsSettings.from(ProcessorProperties.defaults());

    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(20L);
    assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
    assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
  }

  @Test
  void bulkItemsRunInAnInstanceOfTheirOwnThatYieldsToInteractiveRequests() {
    ProcessorProperties config = ProcessorProperties.defaults();
    Properties interactive = StreamsSettings.from(config);
    Properties bulk = StreamsSettings.forBulk(config);

    assertThat(config.bulk().topic()).isEqualTo(TopicNames.DIAGNOSIS_REQUESTS_BULK);
    assertThat(config.bulk().cancellationsTopic()).isEqualTo(TopicNames.JOB_CANCELLATIONS);
    assertThat(bulk.get(StreamsConfig.APPLICATION_ID_CONFIG))
        .isEqualTo(interactive.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-bulk");
    assertThat(bulk.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(bulk.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(config.bulk().streamThreads());
    assertThat(config.bulk().yieldLimit()).isEqualTo(config.bulk().maxYield()).isPositive();
    assertThat(ProcessorProperties.bind(java.util.Map.of("bulk.yield-to-interactive", "false")).bulk().yieldLimit())
        .isZero();
  }

  @Test
  void bulkResultsGoToTheirOwnTopicInTransactionsLongerThanInteractiveOnes() {
    ProcessorProperties config = ProcessorProperties.defaults();

    assertThat(config.bulk().resultsTopic()).isEqualTo(TopicNames.DIAGNOSIS_RESULTS_BULK)
        .isNotEqualTo(config.topicNames().results());
    // Even when the general streams properties set a commit interval, it is the interactive instance's.
    ProcessorProperties tuned = ProcessorProperties.bind(java.util.Map.of("streams.commit.interval.ms", "50"));
    assertThat(StreamsSettings.from(tuned).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("50");
    assertThat(StreamsSettings.forBulk(tuned).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(config.bulk().commitInterval().toMillis());
  }

  @Test
  void refusesABulkSetupThatWouldAnswerTwiceOrOutwaitItsTransaction() {
    runner.withPropertyValues("plantspy.processor.bulk.topic=plantspy.diagnosis.requests")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessage("plantspy.processor.bulk.topic must differ from the requests topic"));
    runner.withPropertyValues("plantspy.processor.bulk.max-yield=6s")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("plantspy.processor.bulk.max-yield must be between 0 and 5s"));
    runner.withPropertyValues("plantspy.processor.bulk.max-batch-size=0")
        .run(context -> assertThat(context).hasFailed());
    runner.withPropertyValues("plantspy.processor.bulk.results-topic=plantspy.diagnosis.results")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessage("plantspy.processor.bulk.results-topic must differ from the results topic"));
    runner.withPropertyValues("plantspy.processor.bulk.commit-interval=6s")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("plantspy.processor.bulk.commit-interval must be between 1ms and 5s"));
  }
}
