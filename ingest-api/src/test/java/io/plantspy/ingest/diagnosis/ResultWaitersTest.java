package io.plantspy.ingest.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.ingest.mongo.DiagnosisDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ResultWaitersTest {

  private final ResultWaiters waiters = new ResultWaiters();
  private final StoredResult done = new StoredResult("test-release", null, null, null, null, List.of(), null,
      "IMAGE_UNDECODABLE", "not an image", null, Instant.EPOCH, null);

  @Test
  void storedResultWakesItsWaiter() {
    try (ResultWaiters.Waiter waiter = waiters.register("a")) {
      StepVerifier.create(waiter.result())
          .then(() -> waiters.settled("a", done))
          .expectNext(done)
          .verifyComplete();
    }
  }

  @Test
  void resultOfAnotherIdDoesNotWakeIt() {
    try (ResultWaiters.Waiter waiter = waiters.register("a")) {
      waiters.settled("b", done);
      StepVerifier.create(waiter.result()).expectSubscription().expectNoEvent(Duration.ofMillis(50)).thenCancel()
          .verify();
    }
  }

  @Test
  void twoWaitersOfOneIdAreBothWokenAndTheEntryGoesWithTheLast() {
    ResultWaiters.Waiter first = waiters.register("a");
    ResultWaiters.Waiter second = waiters.register("a");
    waiters.settled("a", done);
    assertThat(first.result().block(Duration.ofSeconds(1))).isEqualTo(done);
    assertThat(second.result().block(Duration.ofSeconds(1))).isEqualTo(done);
    first.close();
    first.close(); // closing twice must not release the other caller's registration
    assertThat(waiters.waitingIds()).isEqualTo(1);
    second.close();
    assertThat(waiters.waitingIds()).isZero();
  }

  @Test
  void anUnrecordedRequestIsHandedOverOnlyWhileItIsWaitedFor() {
    DiagnosisDocument pending = new DiagnosisDocument("a", "grower", DiagnosisStatus.PENDING, Instant.EPOCH,
        List.of("HEALTH"), "URL", null);
    try (ResultWaiters.Waiter waiter = waiters.registerUnrecorded(pending)) {
      assertThat(waiters.unrecorded("a")).isEqualTo(pending);
      assertThat(waiters.unrecorded("b")).isNull();
    }
    assertThat(waiters.unrecorded("a")).as("recorded by its waiter by now").isNull();
    try (ResultWaiters.Waiter waiter = waiters.register("a")) {
      assertThat(waiters.unrecorded("a")).as("a waiter of a recorded request").isNull();
    }
  }

  @Test
  void resultStoredWithNobodyWaitingIsIgnored() {
    waiters.settled("nobody", done);
    assertThat(waiters.waitingIds()).isZero();
  }
}
