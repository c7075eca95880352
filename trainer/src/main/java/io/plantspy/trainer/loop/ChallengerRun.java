package io.plantspy.trainer.loop;

import java.io.IOException;

/**
 * Runs one learning-loop run: assemble the training and evaluation sets, train the challenger, score champion and
 * challenger on the same images, decide by the promotion policy.
 */
public final class ChallengerRun {

  private ChallengerRun() {}

  public static RunOutcome run(ChallengerRequest request) throws IOException {
    throw new UnsupportedOperationException("implemented on branch loop-core");
  }
}
