package io.plantspy.trainerservice.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** MongoDB is up when it answers {@code ping}; part of readiness (without it no run or release can be read). */
@Component
class MongoHealthIndicator implements HealthIndicator {

  private final MongoTemplate template;

  MongoHealthIndicator(MongoTemplate template) {
    this.template = template;
  }

  @Override
  public Health health() {
    try {
      template.getDb().runCommand(new Document("ping", 1));
      return Health.up().build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
