package io.plantspy.ingest.diagnosis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plantspy.ingest.config.PeriodicJob;
import io.plantspy.ingest.mongo.DiagnosisStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finishes every diagnosis still PENDING past its deadline as FAILED with the error code {@value #TIMED_OUT}, so no
 * accepted request stays pending for ever when its request or result was lost. Only PENDING ones change, so a result
 * stored first wins and a late result cannot undo the timeout. Every instance reconciles; doing it twice is harmless.
 * A failed round is logged and tried again at the next interval.
 *
 * <p>It sees only documents, and a waiting request without an Idempotency-Key has none while it waits. It is not
 * stranded: it is on Kafka before it waits, so its result creates the document; and if the wait ends first, the
 * request is recorded PENDING then, which this job sees like any other. Only when that record fails too (MongoDB
 * down at that moment) and the result is lost does the diagnosis stay unknown instead of timing out, as for a
 * request whose API instance died between publishing and recording.
 */
@Component
public class PendingReconciler extends PeriodicJob {

  /** The error code of a diagnosis that got no result in time; the processor's codes are spelled the same way. */
  public static final String TIMED_OUT = "TIMED_OUT";

  private static final Logger log = LoggerFactory.getLogger(PendingReconciler.class);

  private final DiagnosisStore diagnoses;
  private final DiagnosisProperties props;
  private final Clock clock;
  private final Counter timedOut;

  public PendingReconciler(DiagnosisStore diagnoses, DiagnosisProperties props, Clock clock, MeterRegistry meters) {
    super("Reconciling pending diagnoses", props::reconcileInterval);
    this.diagnoses = diagnoses;
    this.props = props;
    this.clock = clock;
    this.timedOut = Counter.builder("plantspy.diagnoses.timed.out")
        .description("Diagnoses finished as FAILED because no result came before the pending deadline")
        .register(meters);
  }

  /** One round: how many diagnoses were finished as timed out. */
  public Mono<Long> reconcile() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    StoredResult result = new StoredResult(null, null, null, null, null, List.of(), null, TIMED_OUT,
        "no result within " + readable(props.pendingDeadline()) + " of acceptance", null, now, null);
    return diagnoses.failPendingCreatedBefore(now.minus(props.pendingDeadline()), result)
        .doOnNext(count -> {
          if (count > 0) {
            timedOut.increment(count);
            log.warn("Finished {} diagnoses pending longer than {} as {}", count, props.pendingDeadline(), TIMED_OUT);
          }
        });
  }

  /** 15m, 1h30m: the ISO-8601 form without its prefix, as a caller reads it in the error message. */
  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  @Override
  protected Mono<?> runOnce() {
    return reconcile();
  }
}
