package io.plantspy.trainerservice.runs;

import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.trainer.fit.HeadKind;
import io.plantspy.trainer.fit.TrainingRecipe;
import java.util.List;

/**
 * How a run trains its challenger. By default as the champion was trained: a champion made with a non-linear head
 * and field views, beaten on clean photos by a logistic challenger without them, would lose its field robustness
 * through a promotion that the rule (clean test photos only) cannot see.
 */
final class ChallengerRecipe {

  private ChallengerRecipe() {}

  static TrainingRecipe choose(RunsProperties props, ReleaseManifest champion) throws RunExecution.RunFailure {
    if (props.followChampionRecipe()) {
      try {
        var recorded = TrainingRecipe.from(champion.training());
        if (recorded.isPresent()) {
          return recorded.get();
        }
      } catch (IllegalArgumentException unreadable) {
        throw new RunExecution.RunFailure("the champion " + champion.id() + " records a training recipe that "
            + "cannot be read (" + unreadable.getMessage() + "); set plantspy.trainer.runs.follow-champion-recipe"
            + "=false to train the configured logistic head instead");
      }
    }
    return configured(props);
  }

  static TrainingRecipe configured(RunsProperties props) {
    return new TrainingRecipe(HeadKind.LOGISTIC, props.epochs(), props.learningRate(), props.minibatch(), 1, 0,
        List.of(), 0);
  }
}
