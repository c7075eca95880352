package io.plantspy.webhooks.event;

import io.plantspy.schemas.ModelRelease;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code model.promoted}: an announcement under the alias {@code champion} with {@code promoted=true} is a new
 * served release, delivered to the admins' endpoints. Tombstones and other aliases are not events.
 */
@Component
public class ReleaseEvents {

  static final String CHAMPION = "champion";
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private final Outbox outbox;

  public ReleaseEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @KafkaListener(id = "webhooks-releases", topics = "plantspy.model.releases",
      containerFactory = "releaseEventsFactory")
  public void onRelease(ConsumerRecord<String, ModelRelease> record) {
    ModelRelease release = record.value();
    if (!CHAMPION.equals(record.key()) || release == null || !release.getPromoted()) {
      return;
    }
    outbox.modelPromoted(release, CHAMPION, Instant.ofEpochMilli(record.timestamp())).block(STORE_TIMEOUT);
  }
}
