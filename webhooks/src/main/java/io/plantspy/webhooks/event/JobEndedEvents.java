package io.plantspy.webhooks.event;

import io.plantspy.schemas.JobEvent;
import io.plantspy.webhooks.endpoint.EventType;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Bulk jobs that ended ({@code plantspy.jobs.events}, written by the ingest API at least once) into the outbox as
 * {@code job.<status>} for the owner's subscribed endpoints. A repeated event maps to the same deliveries.
 */
@Component
public class JobEndedEvents {

  private static final Logger log = LoggerFactory.getLogger(JobEndedEvents.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private final Outbox outbox;
  private final Payloads payloads;

  public JobEndedEvents(Outbox outbox, Payloads payloads) {
    this.outbox = outbox;
    this.payloads = payloads;
  }

  @KafkaListener(id = "webhooks-jobs", topics = "plantspy.jobs.events", containerFactory = "jobEventsFactory")
  public void onJobEnded(ConsumerRecord<String, JobEvent> record) {
    JobEvent event = record.value();
    Optional<EventType> type = event == null ? Optional.empty() : EventType.fromWire("job." + event.getStatus());
    if (type.isEmpty()) {
      log.warn("Skipping an unreadable job event, or one of an unknown status, at partition {} offset {}",
          record.partition(), record.offset());
      return;
    }
    // Blocking is right: the offset must wait for the write.
    outbox.jobEnded(event.getOwner(), type.get(), event.getJobId(), event.getOccurredAt(),
        payloads.jobEnded(event, type.get())).block(STORE_TIMEOUT);
  }
}
