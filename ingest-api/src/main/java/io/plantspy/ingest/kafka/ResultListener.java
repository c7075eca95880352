package io.plantspy.ingest.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.ingest.diagnosis.ResultWaiters;
import io.plantspy.ingest.diagnosis.StoredResult;
import io.plantspy.ingest.history.Thumbnails;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.SchemaLookupException;
import io.plantspy.schemas.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores the DiagnosisResults from the processor in their {@code diagnoses} documents, then wakes the requests waiting
 * for them on this instance. Camera feed frames' results come from a topic of their own, read here too (their
 * diagnoses are served by this API, e.g. behind the link of an {@code alert.disease_detected} webhook). Results of
 * bulk job items are on a topic of their own, read by the job result listener, and never come here. A result whose
 * request is waited for here but not recorded yet (no Idempotency-Key) creates its document with the request's
 * fields, which the result does not carry. All API instances share the consumer group, so each result is stored once
 * by one of them; a write only settles a PENDING diagnosis, so a redelivery after a crash does no harm. A whole poll is stored in one bulk write, and offsets are committed only
 * after it: a failed write is thrown to the container's error handler, which retries the poll until it is stored (see
 * KafkaConfig). A result that can never be stored (its value does not decode or convert) is logged, counted and
 * skipped here, so it cannot hold up the others; its diagnosis is then finished as timed out by the PendingReconciler.
 * A value that could not be read only because the schema topic was unreachable is not bad data: the results before it
 * are stored, and the poll is failed from that record on, so the error handler seeks back and it is read again
 * (decoded afresh) later.
 */
@Component
public class ResultListener {

  private static final Logger log = LoggerFactory.getLogger(ResultListener.class);
  private static final LogAccessor HEADER_LOG = new LogAccessor(ResultListener.class);

  private final DiagnosisStore store;
  private final ResultWaiters waiters;
  private final Thumbnails thumbnails;
  private final Counter skipped;

  public ResultListener(DiagnosisStore store, ResultWaiters waiters, Thumbnails thumbnails, MeterRegistry meters) {
    this.store = store;
    this.waiters = waiters;
    this.thumbnails = thumbnails;
    this.skipped = Counter.builder("plantspy.results.skipped")
        .description("Results skipped because their value could not be read").register(meters);
  }

  @KafkaListener(id = KafkaConfig.RESULTS_LISTENER,
      topics = {"${plantspy.kafka.results:plantspy.diagnosis.results}", TopicNames.DIAGNOSIS_RESULTS_FEED},
      containerFactory = "resultListenerFactory")
  public void onResults(List<ConsumerRecord<String, DiagnosisResult>> records) {
    List<DiagnosisStore.Completion> completions = new ArrayList<>(records.size());
    List<DiagnosisResult> stored = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, DiagnosisResult> record = records.get(i);
      DiagnosisResult result = record.value();
      if (result == null && schemaLookupFailed(record)) {
        store(completions, stored);
        throw new BatchListenerFailedException("the schema topic could not be read; result retried", i);
      }
      if (result == null) {
        // A tombstone, or a value the ErrorHandlingDeserializer could not read (it logs why): nothing to store.
        skip(record, "no readable value");
        continue;
      }
      try {
        completions.add(new DiagnosisStore.Completion(result.getId(), result.getOwner(),
            StoredResult.from(result, RecordTrace.traceId(record)),
            waiters.unrecorded(result.getId())));
        stored.add(result);
      } catch (RuntimeException e) {
        // Converting is a pure function of the record: it would fail on every retry.
        skip(record, e.toString());
      }
    }
    store(completions, stored);
  }

  private void store(List<DiagnosisStore.Completion> completions, List<DiagnosisResult> results) {
    // Blocking is right here: the listener thread is not a reactor thread, and the offsets must wait for the write.
    // The thumbnails the results carry are written beside them (a failure there is only logged), before the waiters
    // wake, so a History page loaded after a waited answer shows the photo.
    Mono.when(store.completeAll(completions), thumbnails.keepAll(results)).block(Duration.ofSeconds(30));
    completions.forEach(c -> waiters.settled(c.id(), c.result()));
    log.debug("Stored {} results", completions.size());
  }

  /** Whether the ErrorHandlingDeserializer failed on this value because the schema topic was out of reach. */
  private static boolean schemaLookupFailed(ConsumerRecord<?, ?> record) {
    DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SchemaLookupException) {
        return true;
      }
    }
    return false;
  }

  private void skip(ConsumerRecord<String, DiagnosisResult> record, String why) {
    skipped.increment();
    String traceId = RecordTrace.traceId(record);
    // Batch listeners run outside any trace: the record's own trace id goes into this line's MDC.
    try (MDC.MDCCloseable ignored = traceId == null ? null : MDC.putCloseable("traceId", traceId)) {
      log.warn("Skipping result for key {} at partition {} offset {}: {}", record.key(), record.partition(),
          record.offset(), why);
    }
  }
}
