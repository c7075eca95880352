package io.plantspy.ingest.lab;

import io.plantspy.ingest.config.PeriodicJob;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes lab samples an API instance stored but left unpublished (it died, or its publish and its clean-up both
 * failed), once their claim lease has passed, so none stays invisible for want of another upload of the same
 * bytes. Every instance sweeps; publishing a sample twice only replaces its record on the compacted topic.
 */
@Component
public class UnpublishedSampleSweeper extends PeriodicJob {

  private final LabSampleService samples;

  UnpublishedSampleSweeper(LabSampleService samples, LabProperties props) {
    super("Publishing lab samples left unpublished", props::sweepInterval);
    this.samples = samples;
  }

  /** One round: how many samples were published. */
  public Mono<Long> sweep() {
    return samples.publishStalePending();
  }

  @Override
  protected Mono<?> runOnce() {
    return sweep();
  }
}
