package io.plantspy.feeds.gateway.alert;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The alerts topic (created by this service's Kafka admin when missing) and its JSON producer. */
@Configuration(proxyBeanMethods = false)
public class AlertsKafkaConfig {

  @Bean
  NewTopic alertsTopic(AlertProperties props) {
    // Four partitions, as the launcher creates it beside the platform's other topics.
    return new NewTopic(props.topic(), 4, (short) 1);
  }

  @Bean
  KafkaTemplate<String, String> alertTemplate(KafkaProperties kafka, AlertProperties props) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    KafkaTemplate<String, String> template = new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
    template.setDefaultTopic(props.topic());
    return template;
  }
}
