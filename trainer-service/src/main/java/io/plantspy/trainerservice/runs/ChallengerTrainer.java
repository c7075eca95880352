package io.plantspy.trainerservice.runs;

import io.plantspy.trainer.loop.ChallengerRequest;
import io.plantspy.trainer.loop.RunOutcome;
import java.io.IOException;

/** The port a run trains through: the trainer's {@code ChallengerRun} in production, a fake in unit tests. */
@FunctionalInterface
public interface ChallengerTrainer {

  RunOutcome train(ChallengerRequest request) throws IOException;
}
