package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.trainer.field.FieldView;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRecipeTest {

  private static final TrainingRecipe MLP_WITH_FIELD_VIEWS = new TrainingRecipe(HeadKind.MLP, 10, 0.001, 128, 256,
      0.2, List.of(FieldView.parse("FIELD_MIX:2"), FieldView.parse("FIELD_MIX:1")), 100);

  @Test
  void readsBackWhatItWritesIntoATrainingSection() {
    Map<String, String> training = new HashMap<>(Map.of("head", "a sentence for people", "seed", "7"));
    training.putAll(MLP_WITH_FIELD_VIEWS.entries());

    assertThat(TrainingRecipe.from(training)).contains(MLP_WITH_FIELD_VIEWS);
    assertThat(MLP_WITH_FIELD_VIEWS.head(42)).isEqualTo(new HeadSettings(HeadKind.MLP, 10, 0.001, 128, 42, 256, 0.2));
  }

  @Test
  void aLogisticHeadWithoutFieldViewsRoundTripsToo() {
    TrainingRecipe logistic = TrainingRecipe.of(new HeadSettings(10, 0.1, 16, 1), List.of(), 0);

    assertThat(TrainingRecipe.from(logistic.entries())).contains(logistic);
    assertThat(logistic.entries()).containsEntry("recipe.field_views", "");
  }

  @Test
  void releasesMadeBeforeRecipesHaveNone() {
    assertThat(TrainingRecipe.from(Map.of("head", "Tribuo logistic regression", "seed", "1"))).isEmpty();
  }

  @Test
  void anUnreadableRecipeIsRefusedNamingWhatIsWrong() {
    Map<String, String> training = new HashMap<>(MLP_WITH_FIELD_VIEWS.entries());
    training.remove("recipe.epochs");
    assertThatThrownBy(() -> TrainingRecipe.from(training)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recipe.epochs");
    training.put("recipe.epochs", "10");
    training.put("recipe.head", "FOREST");
    assertThatThrownBy(() -> TrainingRecipe.from(training)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCommittedReleaseRecordsTheRecipeItWasTrainedWith() throws Exception {
    Path models = Path.of(System.getProperty("plantspy.models.dir", "../models"));
    var manifest = ReleaseFiles.readManifest(ReleaseFiles.current(models));

    TrainingRecipe recipe = TrainingRecipe.from(manifest.training()).orElseThrow();
    // The sentence written for people at training time and the recipe must say the same.
    assertThat(manifest.training().get("head")).contains(Integer.toString(recipe.hiddenUnits()))
        .contains("epochs=" + recipe.epochs()).contains("minibatch=" + recipe.minibatch());
    assertThat(manifest.training().get("field_views")).contains(recipe.fieldViews().toString())
        .contains(recipe.fieldViewPhotosPerClass() + " photos per class");
  }
}
