package io.plantspy.feeds.gateway.frame;

import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

/** The requests producer, configured as the ingest API's: idempotent, acks from all replicas. */
@Configuration(proxyBeanMethods = false)
public class RequestsKafkaConfig {

  @Bean
  KafkaTemplate<String, DiagnosisRequest> requestTemplate(KafkaProperties kafka, Topics topics,
      MeterRegistry meters) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
        topics.requests().valueSerde().serializer());
    // The producer's metrics (sends, errors) on /actuator/prometheus.
    factory.addListener(new MicrometerProducerListener<>(meters));
    KafkaTemplate<String, DiagnosisRequest> template = new KafkaTemplate<>(factory);
    template.setDefaultTopic(topics.requests().name());
    return template;
  }
}
