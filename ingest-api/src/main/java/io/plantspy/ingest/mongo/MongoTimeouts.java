package io.plantspy.ingest.mongo;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@link MongoTimeoutProperties} to the MongoDB client that Spring Boot builds. */
@Configuration(proxyBeanMethods = false)
class MongoTimeouts {

  @Bean
  MongoClientSettingsBuilderCustomizer boundedMongoCalls(MongoTimeoutProperties timeouts) {
    return settings -> settings
        .applyToSocketSettings(socket -> socket.readTimeout(timeouts.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
            timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
  }
}
