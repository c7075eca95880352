package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.testsupport.TestMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunQueueTest {

  private final List<Runnable> handedToWorker = new ArrayList<>();
  private RunStore store;
  private RunQueue queue;

  @BeforeEach
  void setUp() {
    store = new RunStore(TestMongo.freshDatabase("runs"));
    // The worker is a list: nothing runs, so a queued run stays QUEUED and the tests see what was handed over.
    queue = new RunQueue(store, null, handedToWorker::add,
        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void refusesASecondQueuedRunNamingTheFirst() {
    TrainingRun first = queue.request(Trigger.DEMAND, "admin");

    assertThatThrownBy(() -> queue.request(Trigger.DEMAND, "admin"))
        .isInstanceOfSatisfying(RunAlreadyQueuedException.class,
            e -> assertThat(e.queuedRunId()).isEqualTo(first.id()));
    assertThat(store.withStatus(RunStatus.QUEUED)).extracting(TrainingRun::id).containsExactly(first.id());
    assertThat(handedToWorker).hasSize(1);
  }

  @Test
  void queuesAnotherRunWhileOneIsRunning() {
    TrainingRun first = queue.request(Trigger.DEMAND, "admin");
    assertThat(store.start(first.id(), Instant.now(), 1, List.of())).isTrue();

    TrainingRun second = queue.request(Trigger.SCHEDULE, "trainer (schedule)");

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(store.find(second.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void automaticTriggersQueueNothingWhileARunIsQueued() {
    queue.request(Trigger.DEMAND, "admin");

    assertThat(queue.requestIfNoneQueued(Trigger.SAMPLES, "trainer")).isEmpty();
    assertThat(queue.requestIfNoneQueued(Trigger.SCHEDULE, "trainer")).isEmpty();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void marksARunLeftRunningByACrashFailedInterrupted() {
    TrainingRun crashed = queue.request(Trigger.DEMAND, "admin");
    store.start(crashed.id(), Instant.now(), 1, List.of("abc"));
    handedToWorker.clear();

    queue.recover();

    TrainingRun after = store.find(crashed.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(RunStatus.FAILED);
    assertThat(after.failure()).startsWith("INTERRUPTED");
    assertThat(after.finishedAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    assertThat(handedToWorker).isEmpty();
  }

  @Test
  void handsARunLeftQueuedByACrashToTheWorkerAgain() {
    TrainingRun waiting = queue.request(Trigger.DEMAND, "admin");
    handedToWorker.clear();

    queue.recover();

    assertThat(store.find(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    assertThat(handedToWorker).hasSize(1);
  }
}
