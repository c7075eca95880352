package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * A one-hidden-layer perceptron head: {@code softmax(relu(x W1 + b1) W2 + b2)} on standardised features.
 * Weights are row-major ({@code w1} is inputs × hidden, {@code w2} hidden × classes). Exported as
 * MatMul/Add/Relu/MatMul/Add/Softmax nodes; dropout is a training device and does not appear here.
 */
public record MlpHead(List<String> labels, int inputs, int hidden, float[] w1, float[] b1, float[] w2, float[] b2,
    String description) implements TrainedHead {

  static final String INPUT = "standardized_features";
  static final String OUTPUT = "output";

  public MlpHead {
    // Not List.copyOf: callers look up labels that may be null (no background class) with indexOf.
    labels = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labels));
    if (w1.length != inputs * hidden || b1.length != hidden || w2.length != hidden * labels.size()
        || b2.length != labels.size()) {
      throw new IllegalArgumentException("weight shapes do not match " + inputs + " → " + hidden + " → "
          + labels.size());
    }
  }

  @Override
  public double[] probabilities(float[] standardized) {
    int classes = labels.size();
    double[] activation = new double[hidden];
    for (int j = 0; j < hidden; j++) {
      activation[j] = b1[j];
    }
    for (int i = 0; i < inputs; i++) {
      double x = standardized[i];
      int row = i * hidden;
      for (int j = 0; j < hidden; j++) {
        activation[j] += x * w1[row + j];
      }
    }
    double[] logits = new double[classes];
    for (int c = 0; c < classes; c++) {
      logits[c] = b2[c];
    }
    for (int j = 0; j < hidden; j++) {
      double a = Math.max(0, activation[j]);
      int row = j * classes;
      for (int c = 0; c < classes; c++) {
        logits[c] += a * w2[row + c];
      }
    }
    return softmax(logits);
  }

  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double sum = 0;
    double[] out = new double[logits.length];
    for (int c = 0; c < logits.length; c++) {
      out[c] = Math.exp(logits[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < logits.length; c++) {
      out[c] /= sum;
    }
    return out;
  }

  @Override
  public OnnxMl.ModelProto exportOnnx(int dimension) {
    if (dimension != inputs) {
      throw new IllegalStateException("head has " + inputs + " inputs, backbone has " + dimension);
    }
    int classes = labels.size();
    List<OnnxMl.TensorProto> initializers = List.of(
        OnnxGraphs.tensor("mlp_w1", w1, inputs, hidden),
        OnnxGraphs.tensor("mlp_b1", b1, hidden),
        OnnxGraphs.tensor("mlp_w2", w2, hidden, classes),
        OnnxGraphs.tensor("mlp_b2", b2, classes));
    OnnxMl.NodeProto softmax = OnnxGraphs.node("Softmax", "logits", OUTPUT).toBuilder()
        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis").setI(1)
            .setType(OnnxMl.AttributeProto.AttributeType.INT))
        .build();
    List<OnnxMl.NodeProto> nodes = List.of(
        OnnxGraphs.node("MatMul", INPUT, "mlp_w1", "hidden_linear"),
        OnnxGraphs.node("Add", "hidden_linear", "mlp_b1", "hidden_biased"),
        OnnxGraphs.node("Relu", "hidden_biased", "hidden"),
        OnnxGraphs.node("MatMul", "hidden", "mlp_w2", "logits_linear"),
        OnnxGraphs.node("Add", "logits_linear", "mlp_b2", "logits"),
        softmax);
    return OnnxGraphs.model("plantspy_mlp_head", List.of(OnnxGraphs.valueInfo(INPUT, inputs)),
        List.of(OnnxGraphs.valueInfo(OUTPUT, classes)), initializers, nodes);
  }
}
