package io.plantspy.ingest.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.ingest.MutableClock;
import io.plantspy.ingest.TestProperties;
import io.plantspy.ingest.kafka.ResultPartitions;
import io.plantspy.ingest.mongo.DiagnosisDocument;
import io.plantspy.ingest.mongo.DiagnosisStore;
import io.plantspy.testsupport.TestMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The reconciler at set times: a diagnosis still PENDING past the deadline ends FAILED as timed out, once, and
 * nothing that settled first or comes late changes the outcome. Each test has a database of its own.
 */
class PendingReconcilerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);


  private final ReactiveMongoTemplate mongo = TestMongo.freshReactiveDatabase("reconcile");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final DiagnosisProperties props = TestProperties.defaults(DiagnosisProperties.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final DiagnosisStore store =
      new DiagnosisStore(mongo, TestProperties.defaults(WaitProperties.class), new ResultPartitions());
  private final PendingReconciler reconciler = new PendingReconciler(store, props, clock, meters);

  @Test
  void finishesAPendingDiagnosisAsTimedOutOnlyOnceItsDeadlineHasPassed() {
    String id = pending(clock.instant());

    clock.advance(props.pendingDeadline());
    assertThat(reconcile()).isZero();
    assertThat(read(id).status()).isEqualTo(DiagnosisStatus.PENDING);

    clock.advance(Duration.ofMillis(1));
    assertThat(reconcile()).isEqualTo(1L);
    DiagnosisDocument doc = read(id);
    assertThat(doc.status()).isEqualTo(DiagnosisStatus.FAILED);
    assertThat(doc.result().errorCode()).isEqualTo(PendingReconciler.TIMED_OUT);
    assertThat(doc.result().errorMessage()).isEqualTo("no result within 15m of acceptance");
    assertThat(doc.result().completedAt()).isEqualTo(clock.instant());
    assertThat(meters.counter("plantspy.diagnoses.timed.out").count()).isEqualTo(1.0);

    clock.advance(Duration.ofHours(1));
    assertThat(reconcile()).as("a timed-out diagnosis is finished once").isZero();
    assertThat(meters.counter("plantspy.diagnoses.timed.out").count()).isEqualTo(1.0);
  }

  @Test
  void aLateResultDoesNotUndoTheTimeout() {
    String id = pending(clock.instant());
    clock.advance(props.pendingDeadline().plusSeconds(1));
    reconcile();

    store.completeAll(List.of(new DiagnosisStore.Completion(id, "grower", done(), null))).block(TIMEOUT);

    assertThat(read(id).status()).isEqualTo(DiagnosisStatus.FAILED);
    assertThat(read(id).result().errorCode()).isEqualTo(PendingReconciler.TIMED_OUT);
  }

  @Test
  void aDiagnosisSettledBeforeItsDeadlineKeepsItsResult() {
    String id = pending(clock.instant());
    store.completeAll(List.of(new DiagnosisStore.Completion(id, "grower", done(), null))).block(TIMEOUT);

    clock.advance(props.pendingDeadline().plusSeconds(1));
    assertThat(reconcile()).isZero();
    assertThat(read(id).status()).isEqualTo(DiagnosisStatus.DONE);
    assertThat(read(id).result().modelRelease()).isEqualTo("release-1");
  }

  @Test
  void onlyDiagnosesPastTheDeadlineAreFinished() {
    String old = pending(clock.instant());
    String younger = pending(clock.instant().plus(Duration.ofMinutes(5)));

    clock.advance(props.pendingDeadline().plusSeconds(1));
    assertThat(reconcile()).isEqualTo(1L);
    assertThat(read(old).status()).isEqualTo(DiagnosisStatus.FAILED);
    assertThat(read(younger).status()).isEqualTo(DiagnosisStatus.PENDING);
  }

  private long reconcile() {
    return reconciler.reconcile().block(TIMEOUT);
  }

  private String pending(Instant createdAt) {
    String id = UUID.randomUUID().toString();
    store.insertPending(new DiagnosisDocument(id, "grower", DiagnosisStatus.PENDING, createdAt, List.of("CATEGORY"),
        "UPLOAD", null)).block(TIMEOUT);
    return id;
  }

  private DiagnosisDocument read(String id) {
    return store.findOwned(id, "grower").block(TIMEOUT);
  }

  private static StoredResult done() {
    return new StoredResult("release-1", new StoredResult.Label("Tomato", 0.9f), null, null, null, List.of(), false,
        null, null, new StoredResult.Timings(1, 1, 1, 1), Instant.parse("2026-11-27T12:00:01Z"), null);
  }
}
