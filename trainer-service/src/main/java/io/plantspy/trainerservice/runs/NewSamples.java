package io.plantspy.trainerservice.runs;

import io.plantspy.schemas.LabSample;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How many live lab samples the last started run did not train on (by sha256): what the sample trigger counts. */
final class NewSamples {

  private NewSamples() {}

  static long count(List<LabSample> live, Optional<TrainingRun> lastStarted) {
    Set<String> seen = new HashSet<>(lastStarted.map(TrainingRun::labSampleSha256s).orElse(List.of()));
    return live.stream().map(LabSample::getSha256).distinct().filter(sha -> !seen.contains(sha)).count();
  }
}
