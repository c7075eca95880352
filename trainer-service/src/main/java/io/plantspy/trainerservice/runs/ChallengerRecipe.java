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

  /** Where a release's manifest records its calibration budget (written by every training). */
  static final String MAX_LOST_CORRECT = "max_lost_correct_on_validation";

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

  /**
   * The share of correct validation answers the challenger's open-set thresholds may turn into {@code unknown}: the
   * champion's own, when following its recipe and it records one, else {@code max-lost-correct}. A challenger
   * calibrated looser than its champion answers fewer clean photos and loses the top-1 clause for that alone.
   */
  static double maxLostCorrect(RunsProperties props, ReleaseManifest champion) {
    String recorded = champion.training().get(MAX_LOST_CORRECT);
    if (props.followChampionRecipe() && recorded != null) {
      try {
        double share = Double.parseDouble(recorded);
        if (share >= 0 && share <= 1) {
          return share;
        }
      } catch (NumberFormatException unreadable) {
        // Falls back to the configured share below, as for a champion that records none.
      }
    }
    return props.maxLostCorrect();
  }

  static TrainingRecipe configured(RunsProperties props) {
    return new TrainingRecipe(HeadKind.LOGISTIC, props.epochs(), props.learningRate(), props.minibatch(), 1, 0,
        List.of(), 0);
  }
}
