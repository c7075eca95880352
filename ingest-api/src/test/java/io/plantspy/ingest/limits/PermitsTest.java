package io.plantspy.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermitsTest {

  @Test
  void refusesACallerAtItsOwnLimitBeforeTheTotal() {
    Permits permits = new Permits("uploads", 3, 2);
    assertThat(permits.tryAcquire("ann").permit()).isNotNull();
    assertThat(permits.tryAcquire("ann").permit()).isNotNull();
    assertThat(permits.tryAcquire("ann").refusal()).isEqualTo(Permits.Refusal.CALLER_LIMIT);
    assertThat(permits.inUse()).isEqualTo(2);
  }

  @Test
  void refusesEverybodyAtTheTotalAndGivesTheCallersShareBack() {
    Permits permits = new Permits("uploads", 2, 2);
    permits.tryAcquire("ann");
    permits.tryAcquire("bob");
    assertThat(permits.tryAcquire("cid").refusal()).isEqualTo(Permits.Refusal.TOTAL_LIMIT);
    assertThat(permits.tryAcquire("cid").refusal()).as("the refused attempt left cid nothing held")
        .isEqualTo(Permits.Refusal.TOTAL_LIMIT);
    assertThat(permits.inUse()).isEqualTo(2);
  }

  @Test
  void weighsRequestsAndLetsOneAloneFitHoweverHeavy() {
    Permits bytes = new Permits("upload bytes", 100, 60);
    Permits.Permit big = bytes.tryAcquire("ann", 1_000).permit();
    assertThat(big).as("clamped to the caller's cap").isNotNull();
    assertThat(bytes.inUse()).isEqualTo(60);
    assertThat(bytes.tryAcquire("ann", 1).refusal()).isEqualTo(Permits.Refusal.CALLER_LIMIT);
    assertThat(bytes.tryAcquire("bob", 41).refusal()).isEqualTo(Permits.Refusal.TOTAL_LIMIT);
    assertThat(bytes.tryAcquire("bob", 40).permit()).isNotNull();
    big.close();
    assertThat(bytes.inUse()).isEqualTo(40);
  }

  @Test
  void closingAPermitTwiceReturnsItOnce() {
    Permits permits = new Permits("waiters", 2, 1);
    Permits.Permit first = permits.tryAcquire("ann").permit();
    Permits.Permit other = permits.tryAcquire("bob").permit();
    first.close();
    first.close();
    assertThat(permits.inUse()).isEqualTo(1);
    assertThat(permits.tryAcquire("ann").permit()).isNotNull();
    assertThat(permits.tryAcquire("cid").refusal()).isEqualTo(Permits.Refusal.TOTAL_LIMIT);
    other.close();
  }
}
