package io.plantspy.processor.topology;

import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Collects requests into micro-batches without weakening delivery. Buffered requests live in a changelogged
 * store, written in the same exactly-once transaction that commits their input offsets; answering them deletes
 * them in the transaction that writes their results. So after a crash every request whose offset was committed is
 * either answered or still in the restored buffer, never lost and never answered twice.
 *
 * <p>A batch runs when the buffer reaches the maximum size, or from a wall-clock punctuator once its oldest
 * request has waited the maximum wait, so that a quiet partition is still answered promptly. The punctuator exists
 * only while something is buffered: Kafka Streams commits after every punctuation, and under exactly-once each
 * commit is a transaction on the broker, so a punctuator ticking on an empty buffer would keep the processor and
 * the broker busy with empty transactions for as long as the service is idle.
 */
final class MicroBatcher implements Processor<String, Object, String, Object> {

  private final String storeName;
  private final int maxSize;
  private final long maxWaitMillis;
  private final BatchDiagnoser diagnoser;
  private final DiagnosisMetrics metrics;

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, DiagnosisRequest> buffer;
  private int buffered;
  // The punctuator that flushes the oldest buffered request when it is due; null while the buffer is empty.
  private Cancellable punctuator;

  MicroBatcher(String storeName, int maxSize, Duration maxWait, BatchDiagnoser diagnoser, DiagnosisMetrics metrics) {
    this.storeName = storeName;
    this.maxSize = maxSize;
    // Kafka Streams refuses punctuation intervals under a millisecond.
    this.maxWaitMillis = Math.max(1, maxWait.toMillis());
    this.diagnoser = diagnoser;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.buffer = context.getStateStore(storeName);
    buffered = 0;
    punctuator = null;
    // After a restart the store comes back from its changelog with whatever was not yet answered. init() may not
    // forward, so those requests are answered by the punctuator one wait from now, like a batch that just started.
    try (KeyValueIterator<String, DiagnosisRequest> all = buffer.all()) {
      while (all.hasNext()) {
        all.next();
        buffered++;
      }
    }
    if (buffered > 0) {
      schedulePunctuator();
    }
  }

  @Override
  public void process(Record<String, Object> record) {
    DiagnosisRequest request = (DiagnosisRequest) record.value();
    // Keyed by request id: a redelivered duplicate replaces its twin instead of being answered twice.
    if (buffer.get(request.getId()) == null) {
      buffered++;
    }
    buffer.put(request.getId(), request);
    metrics.requestBuffered();
    if (buffered >= maxSize) {
      flush();
    } else if (punctuator == null) {
      schedulePunctuator();
    }
  }

  // Scheduled when the first request of a batch arrives, so its first tick is exactly when that request is due.
  private void schedulePunctuator() {
    punctuator = context.schedule(Duration.ofMillis(maxWaitMillis), PunctuationType.WALL_CLOCK_TIME,
        now -> flush());
  }

  private void flush() {
    List<DiagnosisRequest> pending = new ArrayList<>(buffered);
    try (KeyValueIterator<String, DiagnosisRequest> all = buffer.all()) {
      all.forEachRemaining((KeyValue<String, DiagnosisRequest> entry) -> pending.add(entry.value));
    }
    // More than maxSize only after a restart with a smaller max size: still one model call per maxSize.
    for (int from = 0; from < pending.size(); from += maxSize) {
      List<DiagnosisRequest> batch = pending.subList(from, Math.min(pending.size(), from + maxSize));
      long now = context.currentSystemTimeMs();
      List<DiagnosisResult> results = diagnoser.diagnose(batch, now);
      for (DiagnosisResult result : results) {
        long completedAt = result.getCompletedAt().toEpochMilli();
        context.forward(new Record<String, Object>(result.getId(), result, completedAt));
      }
      // Deleted after forwarding: under at-least-once a crash in between re-answers rather than loses.
      batch.forEach(request -> buffer.delete(request.getId()));
    }
    buffered = 0;
    // Cancelling from inside the punctuator's own callback is allowed: Kafka Streams then does not reschedule it.
    if (punctuator != null) {
      punctuator.cancel();
      punctuator = null;
    }
  }
}
