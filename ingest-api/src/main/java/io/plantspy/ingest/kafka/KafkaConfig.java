package io.plantspy.ingest.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka producer and consumer wired with the schemas module's serdes. The serdes are instances (they hold the
 * schema catalog), so the factories get them directly instead of by class name in properties.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  public static final String RESULTS_LISTENER = "plantspy-results";

  private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);
  /** Shipped schemas plus the schema topic, so results from a newer stream processor are read, not skipped. */
  @Bean(destroyMethod = "close")
  SchemaCatalog schemaCatalog(KafkaProperties kafka) {
    // The admin settings are the connection ones (bootstrap servers, security) without producer or consumer extras.
    return SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME, kafka.buildAdminProperties(),
        Duration.ofSeconds(10)));
  }

  @Bean
  Topics topics(KafkaTopicProperties props, SchemaCatalog schemas) {
    return Topics.from(props.topicNames(), schemas);
  }

  @Bean
  KafkaTemplate<String, DiagnosisRequest> requestTemplate(KafkaProperties kafka, Topics topics,
      MeterRegistry meters) {
    Map<String, Object> config = kafka.buildProducerProperties();
    // A retried send must not duplicate a request, and an acknowledged one must survive a broker loss.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.requests().valueSerde().serializer());
    // The producer's own metrics (sends, errors, latency) on /actuator/prometheus, as Boot does for its factories.
    factory.addListener(new MicrometerProducerListener<>(meters));
    KafkaTemplate<String, DiagnosisRequest> template = new KafkaTemplate<>(factory);
    template.setDefaultTopic(topics.requests().name());
    // Each send is observed: a span of the caller's trace, and its W3C traceparent in the record's headers, which
    // the processor copies onto the result (one trace per diagnosis).
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult> resultListenerFactory(
      KafkaProperties kafka, KafkaTopicProperties props, Topics topics, ResultPartitions partitions,
      ResultRetryProperties retry, MeterRegistry meters) {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, props.resultsGroup());
    // The processor writes results in transactions; aborted ones must never reach a caller.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // An instance that died holds its result partitions until its session times out, and results there wait
    // (unstored, their callers unanswered) that long: 10 s instead of Kafka's 45 s (RELIABILITY.md, chaos suite).
    config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A record that does not decode reaches the listener without a value, which skips it instead of blocking.
    var values = new ErrorHandlingDeserializer<>(topics.results().valueSerde().deserializer());
    var factory = new ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult>();
    factory.setConsumerFactory(measured(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values),
        meters));
    // No observation: spring-kafka opens none for batch listeners; the listener reads each record's traceparent.
    // A whole poll is stored in one bulk write: far cheaper per result than a write each.
    factory.setBatchListener(true);
    // Waiters need to know which results this instance will store (see ResultPartitions).
    factory.getContainerProperties().setConsumerRebalanceListener(partitions);
    factory.setCommonErrorHandler(resultErrorHandler(retry, meters));
    return factory;
  }

  /** {@code factory} with its consumers' metrics (lag per topic and partition among them) bound to {@code meters}. */
  public static <K, V> DefaultKafkaConsumerFactory<K, V> measured(DefaultKafkaConsumerFactory<K, V> factory,
      MeterRegistry meters) {
    factory.addListener(new MicrometerConsumerListener<>(meters));
    return factory;
  }

  /**
   * A poll of results that could not be stored is retried for ever, with a growing but capped interval, and its
   * offsets are not committed meanwhile: a result is never dropped because MongoDB was down. During the retries
   * spring-kafka pauses the consumer and keeps polling it, so the group does not rebalance. Results that can never
   * be stored (a value that does not decode, or does not convert) never reach this handler: the listener skips
   * them, so they cannot block their partition.
   */
  public static DefaultErrorHandler resultErrorHandler(ResultRetryProperties retry, MeterRegistry meters) {
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    // Whatever the store throws is retried: the listener has already skipped every result that cannot be stored,
    // so the handler's default "not retryable" list (conversion errors and the like, which would drop the poll)
    // must not apply.
    handler.setClassifications(Map.of(), true);
    Counter failures = Counter.builder("plantspy.results.store.failures")
        .description("Failed attempts to store a poll of results; each is retried")
        .register(meters);
    handler.setRetryListeners(new RetryListener() {
      @Override
      public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        failures.increment();
      }

      @Override
      public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
        failures.increment();
        log.warn("Could not store {} results (attempt {}); retrying without committing: {}", records.count(),
            deliveryAttempt, NestedExceptionUtils.getMostSpecificCause(ex).toString());
      }
    });
    return handler;
  }
}
