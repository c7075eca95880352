package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.trainer.loop.RunProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRecorderTest {

  @Test
  void storesANewPhaseOrAtLeastOnePercentMoreNotEveryImage() {
    List<TrainingRun.Progress> stored = new ArrayList<>();
    ProgressRecorder recorder = new ProgressRecorder(stored::add);

    recorder.accept(new RunProgress("embedding", 0.050, "1 of 1000"));
    recorder.accept(new RunProgress("embedding", 0.055, "2 of 1000"));
    recorder.accept(new RunProgress("embedding", 0.061, "3 of 1000"));
    recorder.accept(new RunProgress("training", 0.061, "training"));

    assertThat(stored).extracting(TrainingRun.Progress::detail).containsExactly("1 of 1000", "3 of 1000", "training");
  }
}
