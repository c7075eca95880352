package io.plantspy.trainer.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.model.runtime.BackboneGraph;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.trainer.SyntheticDataset;
import io.plantspy.trainer.data.TrainingData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaf scorer, trained through the real backbone on composites, tells leaf from scene on unseen ones. */
class LeafScorerTrainerTest {

  @TempDir
  Path work;

  @Test
  void tellsLeafPositionsFromScenePositionsOnTestCompositesItNeverSaw() throws Exception {
    Path dataset = work.resolve("dataset");
    Path background = work.resolve("background");
    SyntheticDataset.healthyAndRustyLeavesAndScenes(dataset, background, 30);
    TrainingData data = TrainingData.load(dataset, background, 42);

    LeafScorerTrainer.LeafScorer scorer = new LeafScorerTrainer(new LeafScorerTrainer.Settings(10, 16, 4, 5, 7))
        .train(data, InferenceOptions.cpu(2));

    assertThat(scorer.weights()).hasSize(BackboneGraph.LEAF_CHANNELS);
    assertThat(scorer.trainingPositions()).isGreaterThan(300);
    LeafScorerTrainer.Score test = scorer.test();
    assertThat(test.leafPositions()).isGreaterThan(20);
    assertThat(test.scenePositions()).isGreaterThan(20);
    assertThat(test.leafRecall()).isGreaterThan(0.8);
    assertThat(test.sceneRecall()).isGreaterThan(0.8);
  }
}
