package io.plantspy.webhooks.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.JobEvent;
import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The two consumers, with the schemas module's serdes. Offsets are committed after the listener returns, that
 * is after the deliveries are stored; a poll that could not be stored is retried for ever (uncommitted) with a
 * capped back-off, so MongoDB being down delays webhooks but loses none.
 */
@Configuration(proxyBeanMethods = false)
public class EventsKafkaConfig {

  /** Shipped schemas plus the schema topic, so results of a newer processor are read, not skipped. */
  @Bean(destroyMethod = "close")
  SchemaCatalog schemaCatalog(KafkaProperties kafka) {
    return SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME, kafka.buildAdminProperties(),
        Duration.ofSeconds(10)));
  }

  @Bean
  Topics topics(SchemaCatalog schemas) {
    return Topics.from(TopicNames.defaults(), schemas);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult> resultEventsFactory(KafkaProperties kafka,
      EventProperties props, Topics topics, MeterRegistry meters) {
    var factory = factory(kafka, props.resultsGroup(), topics.results().valueSerde().deserializer(), meters);
    // A poll's results are matched against the subscriptions with one query and stored together.
    factory.setBatchListener(true);
    return factory;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, ModelRelease> releaseEventsFactory(KafkaProperties kafka,
      EventProperties props, Topics topics, MeterRegistry meters) {
    return factory(kafka, props.releasesGroup(), topics.modelReleases().valueSerde().deserializer(), meters);
  }

  /** The feed gateway's alerts: JSON text, one delivery per subscribed endpoint of the device's owner. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, String> alertEventsFactory(KafkaProperties kafka,
      EventProperties props, MeterRegistry meters) {
    return factory(kafka, props.alertsGroup(), new StringDeserializer(), meters);
  }

  /** The ingest API's bulk jobs that ended (at least once: deliveries are keyed by job and status). */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, JobEvent> jobEventsFactory(KafkaProperties kafka,
      EventProperties props, Topics topics, MeterRegistry meters) {
    return factory(kafka, props.jobsGroup(), topics.jobEvents().valueSerde().deserializer(), meters);
  }

  private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(KafkaProperties kafka, String group,
      Deserializer<V> values, MeterRegistry meters) {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    // Results are written in the processor's transactions: an aborted one must never become a webhook.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
    // A value that does not decode reaches the listener as null, which skips it instead of blocking.
    var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
        new ErrorHandlingDeserializer<>(values));
    // The consumers' metrics (lag per topic and partition among them) on /actuator/prometheus.
    consumers.addListener(new MicrometerConsumerListener<>(meters));
    factory.setConsumerFactory(consumers);
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
    errors.setClassifications(Map.of(), true);
    factory.setCommonErrorHandler(errors);
    return factory;
  }
}
