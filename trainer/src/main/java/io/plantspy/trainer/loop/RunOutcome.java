package io.plantspy.trainer.loop;

import io.plantspy.model.release.ReleaseManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: the challenger's release folder and manifest, the comparison, the decision, the folder of
 * the run's reports, and the sha256 of every image it trained on (with the seed, what makes it reproducible).
 */
public record RunOutcome(Path challengerDir, ReleaseManifest challenger, Comparison comparison, Decision decision,
    Path reportDir, List<String> trainedSha256s) {

  public RunOutcome {
    trainedSha256s = List.copyOf(trainedSha256s);
  }
}
