package io.plantspy.feeds.gateway.alert;

import io.plantspy.feeds.gateway.frame.FeedFrame;
import io.plantspy.feeds.gateway.frame.FrameDiagnosis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a feed diagnosis raises an alert (a disease, not healthy, not unknown, confidence at or above the
 * threshold) and raises it once per device, class and window: stored first (the id refuses a second one), then
 * written to the alerts topic and marked published. Runs on the results listener's thread, so it blocks.
 */
@Component
public class AlertRaiser {

  private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final AlertStore store;
  private final KafkaTemplate<String, String> topic;
  private final AlertProperties properties;
  private final JsonMapper json;
  private final Clock clock;

  public AlertRaiser(AlertStore store, KafkaTemplate<String, String> alertTemplate, AlertProperties properties,
      JsonMapper json, Clock clock) {
    this.store = store;
    this.topic = alertTemplate;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** Whether {@code d} names a disease confidently enough to alert. */
  public boolean alarming(FrameDiagnosis d) {
    return d.error() == null && !d.unknown() && d.disease() != null && d.predictedClass() != null
        && !"healthy".equalsIgnoreCase(d.health()) && d.confidence() != null
        && d.confidence() >= properties.threshold();
  }

  public void consider(FeedFrame frame, FrameDiagnosis d) {
    if (!alarming(d)) {
      return;
    }
    long windowMillis = properties.window().toMillis();
    Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(frame.receivedAt().toEpochMilli(), windowMillis)
        * windowMillis);
    String id = frame.device() + "|" + d.predictedClass() + "|" + windowStart;
    Alert alert = new Alert(id, Alert.TYPE, frame.device(), frame.farm(), frame.owner(), d.predictedClass(),
        d.disease(), d.confidence(), frame.id(), windowStart, clock.instant(), frame.lat(), frame.lon(), false);
    Alert stored;
    try {
      stored = store.insert(alert).block(TIMEOUT);
    } catch (DuplicateKeyException e) {
      stored = store.find(id).block(TIMEOUT);
      if (stored == null || stored.published()) {
        return;
      }
    }
    try {
      topic.sendDefault(stored.device(), json.writeValueAsString(stored.asPublished())).get(TIMEOUT.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Thrown so the result is redelivered: the stored, unpublished alert is then written.
      throw new IllegalStateException("alert " + id + " not written to " + properties.topic(), e);
    }
    store.markPublished(id).block(TIMEOUT);
    log.info("Alert {}: {} on device {} ({})", Alert.TYPE, stored.predictedClass(), stored.device(),
        stored.confidence());
  }
}
