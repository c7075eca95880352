package io.plantspy.trainerservice.runs;

import io.plantspy.trainer.loop.ChallengerRequest;
import io.plantspy.trainer.loop.ChallengerRun;
import io.plantspy.trainer.loop.RunOutcome;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** The real training: the trainer module's learning-loop run. */
@Component
class LoopChallengerTrainer implements ChallengerTrainer {

  @Override
  public RunOutcome train(ChallengerRequest request) throws IOException {
    return ChallengerRun.run(request);
  }
}
