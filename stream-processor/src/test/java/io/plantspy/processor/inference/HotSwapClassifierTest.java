package io.plantspy.processor.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HotSwapClassifierTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aBatchRunningDuringTheSwapFinishesOnItsReleaseWhichClosesOnlyAfterIt() throws Exception {
    Release old = new Release("old");
    Release next = new Release("new");
    HotSwapClassifier classifier = new HotSwapClassifier(old);
    old.holdBatches();
    Future<ClassifiedBatch> running = threads.submit(() -> classifier.diagnose(new float[0], 1));
    assertThat(old.entered.await(10, TimeUnit.SECONDS)).isTrue();

    classifier.swap(next);

    assertThat(old.closes).as("closed while its batch runs").hasValue(0);
    assertThat(classifier.diagnose(new float[0], 1).releaseId()).as("a batch after the swap").isEqualTo("new");
    old.releaseBatches();
    assertThat(running.get(10, TimeUnit.SECONDS).releaseId()).as("the batch begun before the swap")
        .isEqualTo("old");
    assertThat(old.closes).as("closed once its last batch ended").hasValue(1);
    assertThat(next.closes).hasValue(0);
  }

  @Test
  void theReplacedReleaseClosesAtOnceWhenNoBatchUsesIt() {
    Release old = new Release("old");
    HotSwapClassifier classifier = new HotSwapClassifier(old);
    classifier.diagnose(new float[0], 1);

    classifier.swap(new Release("new"));

    assertThat(old.closes).hasValue(1);
    assertThat(classifier.releaseId()).isEqualTo("new");
  }

  @Test
  void concurrentBatchesDuringManySwapsUseNoClosedReleaseAndCloseEachExactlyOnce() throws Exception {
    Release first = new Release("r0");
    List<Release> releases = new ArrayList<>(List.of(first));
    HotSwapClassifier classifier = new HotSwapClassifier(first);
    AtomicBoolean swapping = new AtomicBoolean(true);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(threads.submit(() -> {
        int batches = 0;
        while (swapping.get()) {
          classifier.diagnose(new float[0], 1); // a closed release throws, failing the worker
          batches++;
        }
        return batches;
      }));
    }
    for (int i = 1; i <= 200; i++) {
      Release next = new Release("r" + i);
      releases.add(next);
      classifier.swap(next);
    }
    swapping.set(false);
    for (Future<Integer> worker : workers) {
      assertThat(worker.get(30, TimeUnit.SECONDS)).isPositive();
    }
    classifier.close();

    assertThat(releases).allSatisfy(release -> {
      assertThat(release.closes).as(release.id + " closes").hasValue(1);
      assertThat(release.closedWhileInUse).as(release.id + " closed while a batch ran on it").isFalse();
    });
  }

  @Test
  void aSwapAfterCloseClosesTheOfferedReleaseAndFails() {
    HotSwapClassifier classifier = new HotSwapClassifier(new Release("old"));
    classifier.close();
    Release late = new Release("late");

    assertThatThrownBy(() -> classifier.swap(late)).isInstanceOf(IllegalStateException.class);
    assertThat(late.closes).hasValue(1);
  }

  /** A release that counts its closes, fails if used after one, and can hold its batches at a gate. */
  private static final class Release implements ServableClassifier {

    final String id;
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger inUse = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile boolean closedWhileInUse;
    private volatile CountDownLatch gate;

    Release(String id) {
      this.id = id;
    }

    void holdBatches() {
      gate = new CountDownLatch(1);
    }

    void releaseBatches() {
      gate.countDown();
    }

    @Override
    public ClassifiedBatch diagnose(float[] pixels, int count) {
      inUse.incrementAndGet();
      try {
        if (closes.get() > 0) {
          throw new IllegalStateException(id + " used after close");
        }
        entered.countDown();
        CountDownLatch held = gate;
        if (held != null) {
          try {
            held.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return new ClassifiedBatch(id, List.of());
      } finally {
        inUse.decrementAndGet();
      }
    }

    @Override
    public String releaseId() {
      return id;
    }

    @Override
    public void close() {
      if (inUse.get() > 0) {
        closedWhileInUse = true;
      }
      closes.incrementAndGet();
    }
  }
}
