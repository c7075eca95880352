package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChaosLedgerTest {

  private final AtomicLong now = new AtomicLong();
  private final ChaosLedger ledger = new ChaosLedger(now::get);

  @Test
  void countsAnAcceptedRequestThatNeverFinishedAsLost() {
    ledger.sent("k1");
    ledger.accepted("k1", "id-1");
    ledger.sent("k2");
    ledger.accepted("k2", "id-2");
    ledger.finished("id-2", ChaosLedger.DONE, null);

    ChaosLedger.Tally tally = ledger.tally(0, Map.of());

    assertThat(tally.accepted()).isEqualTo(2);
    assertThat(tally.done()).isEqualTo(1);
    assertThat(tally.unfinished()).isEqualTo(1);
    assertThat(ledger.unfinishedIds()).containsExactly("id-1");
  }

  @Test
  void countsARetryAnsweredWithAnotherIdAsDuplicated() {
    ledger.sent("k1");
    ledger.accepted("k1", "id-1");
    ledger.accepted("k1", "id-1"); // a retry told the same id: fine
    ledger.sent("k2");
    ledger.accepted("k2", "id-2");
    ledger.accepted("k2", "id-3"); // the same request queued twice

    assertThat(ledger.tally(0, Map.of()).duplicated()).isEqualTo(1);
    assertThat(ledger.acceptedIds()).containsExactlyInAnyOrder("id-1", "id-2", "id-3");
  }

  @Test
  void countsTwoCommittedResultsForOneIdAsDuplicated() {
    ledger.sent("k1");
    ledger.accepted("k1", "id-1");
    ledger.finished("id-1", ChaosLedger.DONE, null);

    assertThat(ledger.tally(0, Map.of("id-1", 1)).duplicated()).isZero();
    assertThat(ledger.tally(0, Map.of("id-1", 2)).duplicated()).isEqualTo(1);
  }

  @Test
  void tallyGroupsFailuresByTheirCodeAndRefusalsByPhase() {
    ledger.startPhase(1);
    ledger.sent("k1");
    ledger.refused("503");
    ledger.refused("503");
    ledger.refused("connection refused");
    ledger.accepted("k1", "id-1");
    ledger.finished("id-1", ChaosLedger.FAILED, "TIMED_OUT");
    ledger.finished("id-1", ChaosLedger.DONE, null); // the first ending stands

    ChaosLedger.Tally phase1 = ledger.tally(1, Map.of());

    assertThat(phase1.failedByCode()).containsExactly(Map.entry("TIMED_OUT", 1));
    assertThat(phase1.refusals()).containsOnly(Map.entry("503", 2), Map.entry("connection refused", 1));
    assertThat(ledger.tally(0, Map.of()).sent()).isZero();
  }

  @Test
  void isSettledOnlyWhenEverythingSentBeforeTheMomentHasFinished() {
    now.set(100);
    ledger.sent("before");
    now.set(300);
    ledger.sent("after");
    ledger.accepted("after", "id-after");

    assertThat(ledger.settledUpTo(200)).as("'before' was never accepted").isFalse();
    assertThat(ledger.outstandingUpTo(200)).isEqualTo(1);

    ledger.accepted("before", "id-before");
    ledger.finished("id-before", ChaosLedger.DONE, null);

    assertThat(ledger.settledUpTo(200)).as("'after' was sent later and does not count").isTrue();
    assertThat(ledger.settledUpTo(400)).isFalse();
  }

  @Test
  void aRequestNeverAcceptedIsNeitherLostNorDoneButReported() {
    ledger.sent("k1");

    ChaosLedger.Tally tally = ledger.tally(0, Map.of());

    assertThat(tally.neverAccepted()).isEqualTo(1);
    assertThat(tally.unfinished()).isZero();
  }
}
