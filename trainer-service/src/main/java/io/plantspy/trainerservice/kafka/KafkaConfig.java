package io.plantspy.trainerservice.kafka;

import io.plantspy.schemas.ModelRelease;
import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schema catalog, the typed topics, and the producer of release announcements. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  /** Shipped schemas plus the schema topic, so lab samples from a newer API are read, not skipped. */
  @Bean(destroyMethod = "close")
  SchemaCatalog schemaCatalog(KafkaProperties kafka) {
    return SchemaCatalog.load(SchemaTopic.connect(SchemaTopic.DEFAULT_NAME, kafka.buildAdminProperties(),
        Duration.ofSeconds(10)));
  }

  @Bean
  Topics topics(KafkaTopicProperties props, SchemaCatalog schemas) {
    return Topics.from(props.topicNames(), schemas);
  }

  /** Announcements are acknowledged by every in-sync replica before a promotion is answered. */
  @Bean(destroyMethod = "close")
  Producer<String, ModelRelease> releaseProducer(KafkaProperties kafka, Topics topics) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, topics.modelReleases().keySerde().serializer(),
        topics.modelReleases().valueSerde().serializer());
  }
}
