package io.plantspy.trainerservice.runs;

import io.plantspy.trainer.loop.RunProgress;
import java.util.function.Consumer;

/**
 * Passes a run's progress on to the store when it says something new: a new phase, or at least one more percent
 * done. A run reports per image; writing each would cost a MongoDB write per photo.
 */
final class ProgressRecorder implements Consumer<RunProgress> {

  private final Consumer<TrainingRun.Progress> sink;
  private String phase;
  private double fraction = -1;

  ProgressRecorder(Consumer<TrainingRun.Progress> sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void accept(RunProgress progress) {
    if (progress.phase().equals(phase) && progress.fraction() - fraction < 0.01) {
      return;
    }
    phase = progress.phase();
    fraction = progress.fraction();
    sink.accept(new TrainingRun.Progress(progress.phase(), progress.fraction(), progress.detail()));
  }
}
