package io.plantspy.processor.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PriorityGateTest {

  private final List<Duration> yields = new CopyOnWriteArrayList<>();

  @Test
  void aBulkBatchRunsAtOnceWhenNoInteractiveRequestIsHeld() {
    PriorityGate gate = new PriorityGate(Duration.ofSeconds(5), yields::add);
    Lane interactive = gate.interactive();
    interactive.holding(2);
    interactive.holding(0);

    assertThat(gate.bulk().run(() -> "done")).isEqualTo("done");
    assertThat(yields).as("bulk batches that had to wait").isEmpty();
  }

  @Test
  void aBulkBatchWaitsUntilTheBufferedInteractiveRequestsAreAnswered() {
    PriorityGate gate = new PriorityGate(Duration.ofSeconds(5), yields::add);
    Lane interactive = gate.interactive();
    interactive.holding(1);
    AtomicBoolean bulkRan = new AtomicBoolean();
    Thread[] bulkThread = new Thread[1];

    CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> {
      bulkThread[0] = Thread.currentThread();
      gate.bulk().run(() -> bulkRan.getAndSet(true));
    });
    await("the bulk thread waiting in the gate").atMost(Duration.ofSeconds(4))
        .until(() -> bulkThread[0] != null && bulkThread[0].getState() == Thread.State.TIMED_WAITING);
    assertThat(bulkRan).as("bulk batch run while an interactive request was buffered").isFalse();

    interactive.run(() -> {
      interactive.holding(0); // answered: the batch is done with it
      return null;
    });
    bulk.join();

    assertThat(bulkRan).isTrue();
    assertThat(yields).hasSize(1);
  }

  @Test
  void anInteractiveBatchHoldsBulkBackWhileItRuns() {
    PriorityGate gate = new PriorityGate(Duration.ofSeconds(5), yields::add);
    Lane interactive = gate.interactive();

    boolean idleInside = interactive.run(gate::interactiveIdle);

    assertThat(idleInside).isFalse();
    assertThat(gate.interactiveIdle()).isTrue();
  }

  @Test
  void aClosedInteractiveLaneNoLongerHoldsBulkBack() {
    PriorityGate gate = new PriorityGate(Duration.ofSeconds(5), yields::add);
    Lane closing = gate.interactive();
    Lane other = gate.interactive();
    closing.holding(3);
    other.holding(1);

    closing.close();
    assertThat(gate.interactiveIdle()).as("the other lane still holds one").isFalse();
    other.holding(0);
    assertThat(gate.interactiveIdle()).isTrue();
  }

  @Test
  void aBulkBatchRunsAnywayOnceItHasYieldedTheLongestAllowed() {
    Duration maxYield = Duration.ofMillis(50);
    PriorityGate gate = new PriorityGate(maxYield, yields::add);
    gate.interactive().holding(1); // never answered

    assertThat(gate.bulk().run(() -> "ran")).isEqualTo("ran");
    assertThat(yields).singleElement().satisfies(waited -> assertThat(waited).isGreaterThanOrEqualTo(maxYield));
  }

  @Test
  void withNoYieldBulkBatchesNeverWait() {
    PriorityGate gate = new PriorityGate(Duration.ZERO, yields::add);
    gate.interactive().holding(1);

    assertThat(gate.bulk().run(() -> "ran")).isEqualTo("ran");
    assertThat(yields).isEmpty();
  }
}
