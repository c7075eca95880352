package io.plantspy.trainerservice.runs;

import io.plantspy.trainerservice.lab.LabSamples;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a run when at least {@code new-samples-threshold} live lab samples are new since the last started run,
 * checked each time the lab sample view changes, from the moment the service is ready (so the first champion is
 * registered and a run left by a crash is settled before a run is queued for samples).
 */
@Component
class SampleTrigger {

  static final String REQUESTED_BY = "trainer (new lab samples)";

  private static final Logger log = LoggerFactory.getLogger(SampleTrigger.class);

  private final LabSamples samples;
  private final RunStore store;
  private final RunQueue queue;
  private final int threshold;
  private volatile boolean ready;

  SampleTrigger(LabSamples samples, RunStore store, RunQueue queue, RunsProperties props) {
    this.samples = samples;
    this.store = store;
    this.queue = queue;
    this.threshold = props.newSamplesThreshold();
    samples.onChange(this::check);
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    ready = true;
    check();
  }

  /** Queues a run if the service is ready, enough samples are new and none is queued; the run queued, if any. */
  Optional<TrainingRun> check() {
    if (!ready) {
      return Optional.empty();
    }
    long fresh = NewSamples.count(samples.liveSamples(), store.lastStarted());
    if (fresh < threshold) {
      return Optional.empty();
    }
    Optional<TrainingRun> run = queue.requestIfNoneQueued(Trigger.SAMPLES, REQUESTED_BY);
    run.ifPresent(r -> log.info("{} new lab samples (threshold {}): queued run {}", fresh, threshold, r.id()));
    return run;
  }
}
