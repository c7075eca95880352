package io.plantspy.ingest.kafka;

import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.schemas.DiagnosisResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores the DiagnosisResults from the processor in their {@code diagnoses} documents, then wakes the requests
 * waiting for them on this instance. All API instances share the consumer group, so each result is stored once
 * by one of them; the writes are idempotent upserts, so a redelivery after a crash does no harm. A whole poll is
 * stored in one bulk write, and offsets are committed only after it.
 */
@Component
public class ResultListener {

  private static final Logger log = LoggerFactory.getLogger(ResultListener.class);

  private final DiagnosisStore store;
  private final ResultWaiters waiters;

  public ResultListener(DiagnosisStore store, ResultWaiters waiters) {
    this.store = store;
    this.waiters = waiters;
  }

  @KafkaListener(id = KafkaConfig.RESULTS_LISTENER, topics = "${plantspy.kafka.results:plantspy.diagnosis.results}",
      containerFactory = "resultListenerFactory")
  public void onResults(List<ConsumerRecord<String, DiagnosisResult>> records) {
    List<DiagnosisStore.Completion> completions = new ArrayList<>(records.size());
    for (ConsumerRecord<String, DiagnosisResult> record : records) {
      DiagnosisResult result = record.value();
      if (result == null) {
        // A tombstone, or a value the ErrorHandlingDeserializer could not read (it logs why): nothing to store.
        log.warn("Skipping result without a readable value at partition {} offset {}", record.partition(),
            record.offset());
        continue;
      }
      completions.add(new DiagnosisStore.Completion(result.getId(), result.getOwner(), StoredResult.from(result)));
    }
    // Blocking is right here: the listener thread is not a reactor thread, and the offsets must wait for the write.
    store.completeAll(completions).block(Duration.ofSeconds(30));
    completions.forEach(c -> waiters.settled(c.id(), c.result()));
    log.debug("Stored {} results", completions.size());
  }
}
