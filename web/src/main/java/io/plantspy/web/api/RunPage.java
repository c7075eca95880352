package io.plantspy.web.api;

import java.util.List;

/** One page of training runs, newest first, and how many there are. */
public record RunPage(List<TrainingRun> runs, int page, int size, long total) {

  public RunPage {
    runs = runs == null ? List.of() : List.copyOf(runs);
  }

  /** Whether a run is still queued or running (the page then keeps asking). */
  public boolean anyActive() {
    return runs.stream().anyMatch(TrainingRun::active);
  }
}
