package io.plantspy.trainerservice.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.model.release.ReleaseManifest;
import io.plantspy.model.release.Thresholds;
import io.plantspy.trainer.field.FieldView;
import io.plantspy.trainer.fit.HeadKind;
import io.plantspy.trainer.fit.TrainingRecipe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengerRecipeTest {

  private static final TrainingRecipe FIELD_MLP = new TrainingRecipe(HeadKind.MLP, 10, 0.001, 128, 256, 0.2,
      List.of(FieldView.parse("FIELD_MIX:2")), 100);

  private static ReleaseManifest champion(Map<String, String> training) {
    return new ReleaseManifest("champion-1", "2026-11-28T00:00:00Z", "b.onnx", "00", "head.onnx", "11", "features",
        "output", List.of("a___b", "Background"), "Background", new Thresholds(0.5), null, Map.of(), training);
  }

  @Test
  void aChallengerIsTrainedAsTheChampionWasWhenItsManifestSaysHow() throws Exception {
    Map<String, String> training = new HashMap<>(FIELD_MLP.entries());
    training.put("head", "one-hidden-layer MLP");

    assertThat(ChallengerRecipe.choose(SampleTriggerTest.properties(50), champion(training))).isEqualTo(FIELD_MLP);
  }

  @Test
  void aChampionWithoutARecipeOrAServiceToldNotToFollowItGetsTheConfiguredLogisticHead() throws Exception {
    TrainingRecipe configured = ChallengerRecipe.configured(SampleTriggerTest.properties(50));
    assertThat(configured.kind()).isEqualTo(HeadKind.LOGISTIC);
    assertThat(configured.fieldViews()).isEmpty();

    assertThat(ChallengerRecipe.choose(SampleTriggerTest.properties(50), champion(Map.of("head", "logistic"))))
        .isEqualTo(configured);
    assertThat(ChallengerRecipe.choose(SampleTriggerTest.properties(50, false), champion(FIELD_MLP.entries())))
        .isEqualTo(configured);
  }

  @Test
  void theChallengerIsCalibratedAsTheChampionWasUnlessTheServiceIsToldNotToFollowIt() {
    Map<String, String> training = new HashMap<>(FIELD_MLP.entries());
    training.put(ChallengerRecipe.MAX_LOST_CORRECT, "0.015");
    RunsProperties following = SampleTriggerTest.properties(50);

    assertThat(ChallengerRecipe.maxLostCorrect(following, champion(training))).isEqualTo(0.015);
    assertThat(ChallengerRecipe.maxLostCorrect(SampleTriggerTest.properties(50, false), champion(training)))
        .isEqualTo(following.maxLostCorrect());
    assertThat(ChallengerRecipe.maxLostCorrect(following, champion(FIELD_MLP.entries())))
        .as("a champion that records none").isEqualTo(following.maxLostCorrect());
    training.put(ChallengerRecipe.MAX_LOST_CORRECT, "most");
    assertThat(ChallengerRecipe.maxLostCorrect(following, champion(training))).isEqualTo(following.maxLostCorrect());
  }

  @Test
  void anUnreadableRecipeFailsTheRunSayingHowToGoOn() {
    Map<String, String> training = new HashMap<>(FIELD_MLP.entries());
    training.put("recipe.minibatch", "many");

    assertThatThrownBy(() -> ChallengerRecipe.choose(SampleTriggerTest.properties(50), champion(training)))
        .isInstanceOf(RunExecution.RunFailure.class)
        .hasMessageContaining("champion-1").hasMessageContaining("follow-champion-recipe=false");
  }
}
