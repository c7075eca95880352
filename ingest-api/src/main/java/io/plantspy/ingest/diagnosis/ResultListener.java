package io.plantspy.ingest.diagnosis;

import io.plantspy.schemas.DiagnosisResult;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores each DiagnosisResult from the processor in its {@code diagnoses} document. All API instances share the
 * consumer group, so each result is stored once by one of them; the write is an idempotent upsert, so a
 * redelivery after a crash does no harm. Offsets are committed only after the write.
 */
@Component
public class ResultListener {

  private static final Logger log = LoggerFactory.getLogger(ResultListener.class);

  private final DiagnosisStore store;

  public ResultListener(DiagnosisStore store) {
    this.store = store;
  }

  @KafkaListener(id = KafkaConfig.RESULTS_LISTENER, topics = "${plantspy.kafka.results:plantspy.diagnosis.results}",
      containerFactory = "resultListenerFactory")
  public void onResult(ConsumerRecord<String, DiagnosisResult> record) {
    DiagnosisResult result = record.value();
    if (result == null) {
      return; // tombstone: nothing to store
    }
    // Blocking is right here: the listener thread is not a reactor thread, and the offset must wait for the write.
    store.complete(result.getId(), result.getOwner(), StoredResult.from(result)).block(Duration.ofSeconds(30));
    log.debug("Stored result {} from partition {} offset {}", result.getId(), record.partition(), record.offset());
  }
}
