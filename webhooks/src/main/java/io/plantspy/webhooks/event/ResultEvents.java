package io.plantspy.webhooks.event;

import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code diagnosis.completed} and {@code diagnosis.failed} of single diagnoses: uploads and URLs from the results
 * topic, camera feed frames from the feed results topic. Results of bulk job items are on a
 * topic of their own that this service does not read: a job's subscriber gets one {@code job.*} event when it ends
 * ({@link JobEndedEvents}) instead of one call per item. Each poll of results becomes deliveries in the outbox
 * before the poll's offsets are committed (the listener returns only then), so a crash in between makes the poll
 * come again and the deterministic delivery ids absorb it.
 */
@Component
public class ResultEvents {

  private static final Logger log = LoggerFactory.getLogger(ResultEvents.class);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private final Outbox outbox;

  public ResultEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @KafkaListener(id = "webhooks-results", topics = {"plantspy.diagnosis.results", TopicNames.DIAGNOSIS_RESULTS_FEED},
      containerFactory = "resultEventsFactory")
  public void onResults(List<ConsumerRecord<String, DiagnosisResult>> records) {
    List<DiagnosisResult> results = new ArrayList<>(records.size());
    for (ConsumerRecord<String, DiagnosisResult> record : records) {
      if (record.value() == null) {
        // A tombstone or an undecodable value (the ErrorHandlingDeserializer logged why): no event.
        log.warn("Skipping result without a readable value at partition {} offset {}", record.partition(),
            record.offset());
        continue;
      }
      results.add(record.value());
    }
    // Blocking is right: the offsets must wait for the write.
    outbox.diagnoses(results).block(STORE_TIMEOUT);
  }
}
