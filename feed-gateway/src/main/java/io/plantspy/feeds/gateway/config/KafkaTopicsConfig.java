package io.plantspy.feeds.gateway.config;

import io.plantspy.schemas.SchemaCatalog;
import io.plantspy.schemas.SchemaTopic;
import io.plantspy.schemas.TopicNames;
import io.plantspy.schemas.Topics;
import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's topics with the schema catalog's serdes, as the other services build them. */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfig {

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
}
