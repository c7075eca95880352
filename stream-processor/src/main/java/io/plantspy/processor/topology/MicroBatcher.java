package io.plantspy.processor.topology;

import io.plantspy.processor.config.ProcessorProperties;
import io.plantspy.processor.metrics.DiagnosisMetrics;
import io.plantspy.processor.priority.Lane;
import io.plantspy.schemas.DiagnosisRequest;
import io.plantspy.schemas.DiagnosisResult;
import io.plantspy.schemas.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A batch whose infrastructure fails (blob store unreachable, model runtime error) is not thrown out of the
 * stream thread, which would abort the transaction and, repeated, stop the service: its requests stay buffered,
 * their failed tries are counted in a second changelogged store, and the punctuator tries again after a backoff.
 * A request tried before runs alone, so one that always fails cannot drag its batch mates down with it; once it
 * has failed the configured number of times it is answered with an error and its record is dead-lettered.
 *
 * <p>Every batch runs through the batcher's {@link Lane}, which tells the priority gate what an interactive
 * batcher holds and makes a bulk batcher's batches wait for it; the same class serves both kinds.
 */
final class MicroBatcher implements Processor<String, Object, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

  private final String storeName;
  private final String attemptsStoreName;
  private final int maxSize;
  private final long maxWaitMillis;
  private final ProcessorProperties.Retry retry;
  private final String requestsTopic;
  private final Serializer<DiagnosisRequest> requestSerializer;
  private final BatchDiagnoser diagnoser;
  private final DiagnosisMetrics metrics;
  private final Lane lane;
  // Each buffered request's traceparent, for its result (the buffer keeps values only).
  private final TraceHeaders traces = new TraceHeaders();
  private final Function<DiagnosisRequest, String> resultsSink;

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, DiagnosisRequest> buffer;
  // Failed tries per buffered request id; an id is absent until its first failure.
  private KeyValueStore<String, Integer> attempts;
  private int buffered;
  // The punctuator that flushes the oldest buffered request when it is due; null while the buffer is empty.
  private Cancellable punctuator;
  // Failed flushes in a row (not persisted: a restarted task starts again from the shortest backoff), and the
  // wall-clock time before which a full buffer waits for the punctuator instead of hammering a failing store.
  private int consecutiveFailures;
  private long backoffUntil;

  /**
   * @param limits the batches' size and wait
   * @param requestsTopic the topic the requests came from, named in the headers of a dead-lettered one
   * @param lane where this batcher's batches stand against the other kind's (interactive or bulk)
   * @param resultsSink the sink a request's result goes to (which results topic), by the request
   */
  MicroBatcher(String storeName, String attemptsStoreName, ProcessorProperties.Batch limits,
      ProcessorProperties.Retry retry, String requestsTopic, Serializer<DiagnosisRequest> requestSerializer,
      BatchDiagnoser diagnoser, DiagnosisMetrics metrics, Lane lane, Function<DiagnosisRequest, String> resultsSink) {
    this.storeName = storeName;
    this.attemptsStoreName = attemptsStoreName;
    this.maxSize = limits.maxSize();
    // Kafka Streams refuses punctuation intervals under a millisecond.
    this.maxWaitMillis = Math.max(1, limits.maxWait().toMillis());
    this.retry = retry;
    this.requestsTopic = requestsTopic;
    this.requestSerializer = requestSerializer;
    this.diagnoser = diagnoser;
    this.metrics = metrics;
    this.lane = lane;
    this.resultsSink = resultsSink;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.buffer = context.getStateStore(storeName);
    this.attempts = context.getStateStore(attemptsStoreName);
    buffered = 0;
    punctuator = null;
    consecutiveFailures = 0;
    backoffUntil = 0;
    traces.clear();
    // After a restart the store comes back from its changelog with whatever was not yet answered. init() may not
    // forward, so those requests are answered by the punctuator one wait from now, like a batch that just started.
    try (KeyValueIterator<String, DiagnosisRequest> all = buffer.all()) {
      while (all.hasNext()) {
        all.next();
        buffered++;
      }
    }
    lane.holding(buffered);
    if (buffered > 0) {
      schedulePunctuator(maxWaitMillis);
    }
  }

  @Override
  public void close() {
    lane.close();
  }

  @Override
  public void process(Record<String, Object> record) {
    DiagnosisRequest request = (DiagnosisRequest) record.value();
    // Keyed by request id: a redelivered duplicate replaces its twin instead of being answered twice.
    if (buffer.get(request.getId()) == null) {
      buffered++;
      lane.holding(buffered);
    }
    buffer.put(request.getId(), request);
    traces.remember(request.getId(), record.headers());
    metrics.requestBuffered();
    if (buffered >= maxSize && context.currentSystemTimeMs() >= backoffUntil) {
      flush();
    } else if (punctuator == null) {
      schedulePunctuator(maxWaitMillis);
    }
  }

  // Scheduled when the first request of a batch arrives, so its first tick is exactly when that request is due;
  // after a failure, when the backoff has passed.
  private void schedulePunctuator(long delayMillis) {
    punctuator = context.schedule(Duration.ofMillis(delayMillis), PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  private void flush() {
    List<DiagnosisRequest> fresh = new ArrayList<>();
    List<DiagnosisRequest> retried = new ArrayList<>();
    try (KeyValueIterator<String, DiagnosisRequest> all = buffer.all()) {
      all.forEachRemaining((KeyValue<String, DiagnosisRequest> entry) ->
          (attempts.get(entry.key) == null ? fresh : retried).add(entry.value));
    }
    // Retried requests last, fewest failures first, so one that keeps failing holds up nobody behind it.
    retried.sort(Comparator.comparingInt(request -> attempts.get(request.getId())));
    List<List<DiagnosisRequest>> batches = new ArrayList<>();
    // More than maxSize only after a restart with a smaller max size: still one model call per maxSize.
    for (int from = 0; from < fresh.size(); from += maxSize) {
      batches.add(fresh.subList(from, Math.min(fresh.size(), from + maxSize)));
    }
    retried.forEach(request -> batches.add(List.of(request)));

    boolean failed = false;
    for (List<DiagnosisRequest> batch : batches) {
      long now = context.currentSystemTimeMs();
      List<DiagnosisResult> results;
      try {
        results = lane.run(() -> diagnoser.diagnose(batch, now));
      } catch (RuntimeException e) {
        if (recordFailure(batch, e, now)) {
          // Something is still to be retried: the store or model is likely down for everyone, so the batches
          // behind this one wait for the backoff too instead of each failing (and timing out) in turn.
          failed = true;
          break;
        }
        continue;
      }
      for (DiagnosisResult result : results) {
        long completedAt = result.getCompletedAt().toEpochMilli();
        context.forward(new Record<String, Object>(result.getId(), result, completedAt,
            traces.forResult(result.getId())), sinkOf(batch, result));
      }
      // Deleted after forwarding: under at-least-once a crash in between re-answers rather than loses.
      batch.forEach(this::forget);
    }
    // Cancelling from inside the punctuator's own callback is allowed: Kafka Streams then does not reschedule it.
    if (punctuator != null) {
      punctuator.cancel();
      punctuator = null;
    }
    buffered = countBuffered();
    lane.holding(buffered);
    if (failed) {
      consecutiveFailures++;
      Duration backoff = retry.backoff(consecutiveFailures);
      backoffUntil = context.currentSystemTimeMs() + backoff.toMillis();
      schedulePunctuator(Math.max(1, backoff.toMillis()));
    } else {
      consecutiveFailures = 0;
      backoffUntil = 0;
      if (buffered > 0) { // left over only when a larger batch failed part-way, now retried one by one
        schedulePunctuator(maxWaitMillis);
      }
    }
  }

  /**
   * Counts a failed try of every request in {@code batch}; those that have used up their tries are answered with
   * an error and dead-lettered. Returns whether any of them is left to be retried.
   */
  private boolean recordFailure(List<DiagnosisRequest> batch, RuntimeException cause, long now) {
    boolean retrying = false;
    for (DiagnosisRequest request : batch) {
      Integer before = attempts.get(request.getId());
      int tries = (before == null ? 0 : before) + 1;
      if (tries >= retry.maxAttempts()) {
        giveUp(request, cause, tries, now);
      } else {
        attempts.put(request.getId(), tries);
        retrying = true;
      }
    }
    if (retrying) {
      log.warn("A batch of {} failed ({}); its requests stay buffered and are retried", batch.size(),
          cause.toString(), cause);
      metrics.retried((int) batch.stream().filter(r -> attempts.get(r.getId()) != null).count());
    }
    return retrying;
  }

  private void giveUp(DiagnosisRequest request, RuntimeException cause, int tries, long now) {
    Headers trace = traces.forResult(request.getId());
    TraceHeaders.withTraceId(trace, () -> log.error(
        "Request {} failed {} times; answering it with an error and dead-lettering it", request.getId(), tries, cause));
    DiagnosisResult result = Results.error(request, null, ErrorCode.INTERNAL,
        "The image could not be processed after " + tries + " attempts; the request was kept for inspection.",
        Results.timings(now - request.getCreatedAt().toEpochMilli(), 0, 0, 0), Instant.ofEpochMilli(now));
    metrics.error(ErrorCode.INTERNAL);
    context.forward(new Record<String, Object>(request.getId(), result, now, trace), resultsSink.apply(request));
    byte[] original = requestSerializer.serialize(requestsTopic, request);
    metrics.deadLettered();
    Headers deadLetter = DeadLetters.givenUp(cause, requestsTopic, context.taskId().partition(), tries);
    trace.forEach(deadLetter::add);
    context.forward(new Record<String, Object>(request.getId(), original, now, deadLetter), DiagnosisTopology.DLQ_SINK);
    forget(request);
  }

  /** The sink of {@code result}: the one of its request in {@code batch} (a batch is a few requests). */
  private String sinkOf(List<DiagnosisRequest> batch, DiagnosisResult result) {
    for (DiagnosisRequest request : batch) {
      if (request.getId().equals(result.getId())) {
        return resultsSink.apply(request);
      }
    }
    return DiagnosisTopology.RESULTS_SINK;
  }

  private void forget(DiagnosisRequest request) {
    buffer.delete(request.getId());
    attempts.delete(request.getId());
    traces.forget(request.getId());
  }

  private int countBuffered() {
    int count = 0;
    try (KeyValueIterator<String, DiagnosisRequest> all = buffer.all()) {
      while (all.hasNext()) {
        all.next();
        count++;
      }
    }
    return count;
  }
}
