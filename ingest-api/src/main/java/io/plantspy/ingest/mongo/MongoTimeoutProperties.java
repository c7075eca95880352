package io.plantspy.ingest.mongo;

import io.plantspy.ingest.config.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on every MongoDB call of the API, so a stalled database turns a request into a 503 instead of a
 * request that never answers (the driver's own defaults wait forever for a reply).
 *
 * @param readTimeout longest wait for a reply on an open connection; no query of the API runs long on the server
 * @param serverSelectionTimeout longest wait for a reachable server before an operation fails
 */
@Validated
@ConfigurationProperties("plantspy.mongo")
public record MongoTimeoutProperties(
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("10s") Duration serverSelectionTimeout) {

  public MongoTimeoutProperties {
    Durations.requirePositive("plantspy.mongo.read-timeout", readTimeout);
    Durations.requirePositive("plantspy.mongo.server-selection-timeout", serverSelectionTimeout);
  }
}
