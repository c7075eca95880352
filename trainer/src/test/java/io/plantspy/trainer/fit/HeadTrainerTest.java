package io.plantspy.trainer.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import io.plantspy.model.runtime.InferenceOptions;
import io.plantspy.model.runtime.OnnxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heads {@code --head} selects, on tiny XOR-like data (the class is the sign of x·y, plus noise features): a
 * linear head cannot separate it, the MLP must; and each head's ONNX export answers as its Java forward pass.
 */
class HeadTrainerTest {

  private static final int DIM = 6;
  private static final List<String> LABELS = List.of("same_sign", "opposite_sign");

  private final List<float[]> rows = new ArrayList<>();
  private final List<String> rowLabels = new ArrayList<>();
  private final List<float[]> unseen = new ArrayList<>();
  private final List<String> unseenLabels = new ArrayList<>();

  HeadTrainerTest() {
    Random random = new Random(5);
    for (int i = 0; i < 1200; i++) {
      float[] row = new float[DIM];
      for (int j = 0; j < DIM; j++) {
        row[j] = (float) random.nextGaussian();
      }
      String label = LABELS.get(row[0] * row[1] > 0 ? 0 : 1);
      (i < 800 ? rows : unseen).add(row);
      (i < 800 ? rowLabels : unseenLabels).add(label);
    }
  }

  @Test
  void mlpLearnsXorThatTheLogisticHeadCannot() {
    TrainedHead logistic = new HeadTrainer(new HeadSettings(HeadKind.LOGISTIC, 20, 0.1, 16, 3, 1, 0))
        .train(rows, rowLabels, "xor");
    TrainedHead mlp = new HeadTrainer(new HeadSettings(HeadKind.MLP, 60, 0.01, 32, 3, 32, 0.1))
        .train(rows, rowLabels, "xor");

    assertThat(accuracy(logistic)).isLessThan(0.65);
    assertThat(accuracy(mlp)).isGreaterThan(0.9);
  }

  @Test
  void mlpOnnxExportMatchesItsJavaForwardPass() throws Exception {
    TrainedHead mlp = new HeadTrainer(new HeadSettings(HeadKind.MLP, 5, 0.01, 32, 7, 16, 0.2))
        .train(rows, rowLabels, "xor");
    assertMatchesOnnx(mlp);
  }

  @Test
  void logisticOnnxExportMatchesItsJavaForwardPass() throws Exception {
    TrainedHead logistic = new HeadTrainer(new HeadSettings(HeadKind.LOGISTIC, 3, 0.1, 16, 7, 1, 0))
        .train(rows, rowLabels, "xor");
    assertMatchesOnnx(logistic);
  }

  @Test
  void sameSeedGivesTheSameMlp() {
    HeadSettings settings = new HeadSettings(HeadKind.MLP, 3, 0.01, 32, 9, 16, 0.2);
    MlpHead first = (MlpHead) new HeadTrainer(settings).train(rows, rowLabels, "xor");
    MlpHead second = (MlpHead) new HeadTrainer(settings).train(rows, rowLabels, "xor");

    assertThat(second.w1()).containsExactly(first.w1());
    assertThat(second.w2()).containsExactly(first.w2());
  }

  private void assertMatchesOnnx(TrainedHead head) throws Exception {
    OnnxMl.ModelProto proto = head.exportOnnx(DIM);
    String input = proto.getGraph().getInput(0).getName();
    String output = proto.getGraph().getOutput(0).getName();
    float[] flat = new float[unseen.size() * DIM];
    for (int i = 0; i < unseen.size(); i++) {
      System.arraycopy(unseen.get(i), 0, flat, i * DIM, DIM);
    }
    try (OnnxModel onnx = OnnxModel.load(proto.toByteArray(), input, new long[] {-1, DIM}, output,
        new long[] {-1, head.labels().size()}, InferenceOptions.cpu(1))) {
      float[][] served = onnx.run(flat, unseen.size());
      for (int i = 0; i < unseen.size(); i++) {
        double[] java = head.probabilities(unseen.get(i));
        for (int c = 0; c < java.length; c++) {
          assertThat((double) served[i][c]).isCloseTo(java[c], within(1e-5));
        }
      }
    }
  }

  private double accuracy(TrainedHead head) {
    int correct = 0;
    for (int i = 0; i < unseen.size(); i++) {
      double[] p = head.probabilities(unseen.get(i));
      int best = p[0] >= p[1] ? 0 : 1;
      correct += head.labels().get(best).equals(unseenLabels.get(i)) ? 1 : 0;
    }
    return (double) correct / unseen.size();
  }
}
