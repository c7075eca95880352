package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** A head trained by Tribuo (the logistic head), exported with Tribuo's own ONNX export. */
record TribuoHead(Model<Label> model, List<String> labels, String description) implements TrainedHead {

  TribuoHead {
    // Not List.copyOf: callers look up labels that may be null (no background class) with indexOf.
    labels = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labels));
  }

  @Override
  public double[] probabilities(float[] standardized) {
    String[] names = FeatureVectors.names(standardized.length);
    Prediction<Label> prediction = model.predict(FeatureVectors.example(labels.get(0), names, standardized));
    double[] out = new double[labels.size()];
    for (int c = 0; c < out.length; c++) {
      Label scored = prediction.getOutputScores().get(labels.get(c));
      out[c] = scored == null ? 0 : scored.getScore();
    }
    return out;
  }

  /** Exports the head; fails if Tribuo's feature ids are not the vector indices the backbone produces. */
  @Override
  public OnnxMl.ModelProto exportOnnx(int dimension) {
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
