package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the classification head on backbone features with Tribuo and exports it to ONNX. The head outputs
 * softmax probabilities over the labels in {@link #labels(Model)} order.
 */
public final class HeadTrainer {

  private final HeadSettings settings;

  public HeadTrainer(HeadSettings settings) {
    this.settings = settings;
  }

  public Model<Label> train(List<ArrayExample<Label>> examples, String description) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
    dataset.addAll(examples);
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
        new AdaGrad(settings.learningRate(), 0.1), settings.epochs(), Integer.MAX_VALUE, settings.minibatch(),
        settings.seed());
    return trainer.train(dataset);
  }

  /** The head's labels in output-column order. */
  public static List<String> labels(Model<Label> model) {
    ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
    return java.util.stream.IntStream.range(0, info.size()).mapToObj(i -> info.getOutput(i).getLabel()).toList();
  }

  /** Exports the head; fails if Tribuo's feature ids are not the vector indices the backbone produces. */
  public static OnnxMl.ModelProto exportOnnx(Model<Label> model, int dimension) {
    ImmutableFeatureMap features = model.getFeatureIDMap();
    String[] names = FeatureVectors.names(dimension);
    if (features.size() != dimension) {
      throw new IllegalStateException("head saw " + features.size() + " features, backbone has " + dimension);
    }
    for (int i = 0; i < dimension; i++) {
      if (features.getID(names[i]) != i) {
        throw new IllegalStateException("feature " + names[i] + " has id " + features.getID(names[i]));
      }
    }
    if (!(model instanceof ONNXExportable exportable)) {
      throw new IllegalStateException(model.getClass().getSimpleName() + " cannot be exported to ONNX");
    }
    return exportable.exportONNXModel("io.plantspy.head", 1);
  }
}
