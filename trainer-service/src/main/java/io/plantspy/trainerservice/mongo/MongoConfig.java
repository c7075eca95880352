package io.plantspy.trainerservice.mongo;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The database handle for GridFS (lab images, release archives): the one the template writes to. */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

  @Bean
  MongoDatabase mongoDatabase(MongoTemplate template) {
    return template.getDb();
  }
}
