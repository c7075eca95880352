package io.plantspy.trainer.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the classification head chosen by {@link HeadSettings#kind()} on standardised backbone features: the
 * logistic head with Tribuo, the MLP with {@link MlpTrainer}. Either exports to an ONNX graph with softmax
 * probabilities over {@link TrainedHead#labels()}.
 */
public final class HeadTrainer {

  private final HeadSettings settings;

  public HeadTrainer(HeadSettings settings) {
    this.settings = settings;
  }

  /**
   * @param rows standardised feature vectors
   * @param rowLabels the label of each row
   */
  public TrainedHead train(List<float[]> rows, List<String> rowLabels, String description) {
    return switch (settings.kind()) {
      case LOGISTIC -> trainLogistic(rows, rowLabels, description);
      case MLP -> trainMlp(rows, rowLabels);
    };
  }

  private TrainedHead trainLogistic(List<float[]> rows, List<String> rowLabels, String description) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
    String[] names = FeatureVectors.names(rows.isEmpty() ? 0 : rows.get(0).length);
    for (int i = 0; i < rows.size(); i++) {
      dataset.add(FeatureVectors.example(rowLabels.get(i), names, rows.get(i)));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
        new AdaGrad(settings.learningRate(), 0.1), settings.epochs(), Integer.MAX_VALUE, settings.minibatch(),
        settings.seed());
    Model<Label> model = trainer.train(dataset);
    ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
    List<String> labels =
        java.util.stream.IntStream.range(0, info.size()).mapToObj(i -> info.getOutput(i).getLabel()).toList();
    return new TribuoHead(model, labels, "per-feature standardisation, then Tribuo LinearSGDTrainer (multinomial "
        + "logistic regression, LogMulticlass), AdaGrad lr=" + settings.learningRate() + ", epochs="
        + settings.epochs() + ", minibatch=" + settings.minibatch());
  }

  private TrainedHead trainMlp(List<float[]> rows, List<String> rowLabels) {
    // Output columns in order of first appearance: a function of the data order, so of the seed alone.
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] targets = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      targets[i] = index.computeIfAbsent(rowLabels.get(i), label -> index.size());
    }
    return new MlpTrainer(settings).train(rows, targets, new ArrayList<>(index.keySet()));
  }
}
