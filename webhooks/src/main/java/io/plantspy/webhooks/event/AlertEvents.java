package io.plantspy.webhooks.event;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code alert.disease_detected}: the feed gateway's alerts topic (JSON), each alert written to the outbox for its
 * owner's subscribed endpoints before its offset is committed. An alert that cannot be read is logged and skipped.
 */
@Component
public class AlertEvents {

  private static final Logger log = LoggerFactory.getLogger(AlertEvents.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private final Outbox outbox;
  private final Payloads payloads;
  private final JsonMapper json;

  public AlertEvents(Outbox outbox, Payloads payloads, JsonMapper json) {
    this.outbox = outbox;
    this.payloads = payloads;
    this.json = json;
  }

  @KafkaListener(id = "webhooks-alerts", topics = "plantspy.alerts", containerFactory = "alertEventsFactory")
  public void onAlert(ConsumerRecord<String, String> record) {
    JsonNode alert;
    String body;
    Instant raisedAt;
    try {
      alert = record.value() == null ? null : json.readTree(record.value());
      if (alert == null || !alert.hasNonNull("owner") || !alert.hasNonNull("id")) {
        log.warn("Skipping an alert without owner or id at partition {} offset {}", record.partition(),
            record.offset());
        return;
      }
      raisedAt = Instant.parse(alert.path("raisedAt").asString());
      body = payloads.alertRaised(alert);
    } catch (RuntimeException e) {
      // Unreadable JSON (Jackson 3's exceptions are unchecked) or a malformed time: it would fail on every retry.
      log.warn("Skipping an unreadable alert at partition {} offset {}: {}", record.partition(), record.offset(),
          e.toString());
      return;
    }
    // Blocking is right: the offset must wait for the write.
    outbox.alertRaised(alert.path("owner").asString(), alert.path("id").asString(), raisedAt, body)
        .block(STORE_TIMEOUT);
  }
}
