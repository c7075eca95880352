package io.plantspy.trainerservice.runs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Queues runs for the single worker: at most one run waits (QUEUED) while at most one runs, so a burst of triggers
 * makes one run, not a backlog. The check and the insert are one critical section; the service runs as a single
 * instance (see the architecture notes), so that is enough.
 */
@Service
public class RunQueue {

  private static final Logger log = LoggerFactory.getLogger(RunQueue.class);

  private final RunStore store;
  private final RunExecution execution;
  private final Executor worker;
  private final Clock clock;

  RunQueue(RunStore store, RunExecution execution, @Qualifier(RunWorkerConfig.WORKER) Executor worker,
      Clock clock) {
    this.store = store;
    this.execution = execution;
    this.worker = worker;
    this.clock = clock;
  }

  /**
   * Queues a run.
   *
   * @throws RunAlreadyQueuedException when one is queued already
   */
  public synchronized TrainingRun request(Trigger trigger, String requestedBy) {
    Optional<TrainingRun> queued = store.firstWithStatus(RunStatus.QUEUED);
    if (queued.isPresent()) {
      throw new RunAlreadyQueuedException(queued.get());
    }
    TrainingRun run = TrainingRun.queued(UUID.randomUUID().toString(), trigger, requestedBy, clock.instant());
    store.insert(run);
    log.info("Queued training run {} ({}, requested by {})", run.id(), trigger, requestedBy);
    worker.execute(() -> execution.execute(run.id()));
    return run;
  }

  /** Queues a run unless one is queued already (for the automatic triggers, which need no answer). */
  public synchronized Optional<TrainingRun> requestIfNoneQueued(Trigger trigger, String requestedBy) {
    if (store.firstWithStatus(RunStatus.QUEUED).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(request(trigger, requestedBy));
  }

  /**
   * After a crash: a run left RUNNING is marked FAILED {@code INTERRUPTED} (its half-written work is not trusted),
   * and a run left QUEUED is handed to the worker again.
   */
  public synchronized void recover() {
    for (TrainingRun run : store.withStatus(RunStatus.RUNNING)) {
      store.fail(run.id(), clock.instant(), "INTERRUPTED: the trainer service stopped while this run was running");
      log.warn("Training run {} was interrupted by a stop of the service: marked FAILED", run.id());
    }
    List<TrainingRun> queued = store.withStatus(RunStatus.QUEUED);
    for (TrainingRun run : queued) {
      worker.execute(() -> execution.execute(run.id()));
    }
  }
}
