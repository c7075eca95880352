package io.plantspy.ingest.kafka;

import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka producer and consumer wired with the schemas module's serdes. The serdes are instances (they hold the
 * schema catalog), so the factories get them directly instead of by class name in properties.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  public static final String RESULTS_LISTENER = "plantspy-results";

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
  KafkaTemplate<String, DiagnosisRequest> requestTemplate(KafkaProperties kafka, Topics topics) {
    Map<String, Object> config = kafka.buildProducerProperties();
    // A retried send must not duplicate a request, and an acknowledged one must survive a broker loss.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.requests().valueSerde().serializer());
    KafkaTemplate<String, DiagnosisRequest> template = new KafkaTemplate<>(factory);
    template.setDefaultTopic(topics.requests().name());
    return template;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult> resultListenerFactory(
      KafkaProperties kafka, KafkaTopicProperties props, Topics topics, ResultPartitions partitions) {
    Map<String, Object> config = kafka.buildConsumerProperties();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, props.resultsGroup());
    // The processor writes results in transactions; aborted ones must never reach a caller.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A record that does not decode is logged and skipped by the error handler instead of blocking the partition.
    var values = new ErrorHandlingDeserializer<>(topics.results().valueSerde().deserializer());
    var factory = new ConcurrentKafkaListenerContainerFactory<String, DiagnosisResult>();
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
    // A whole poll is stored in one bulk write: far cheaper per result than a write each.
    factory.setBatchListener(true);
    // Waiters need to know which results this instance will store (see ResultPartitions).
    factory.getContainerProperties().setConsumerRebalanceListener(partitions);
    // Mongo hiccups are retried a few times before the batch is logged and skipped.
    factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500L, 5L)));
    return factory;
  }
}
