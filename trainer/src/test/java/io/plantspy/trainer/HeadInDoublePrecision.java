package io.plantspy.trainer;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A release's head computed in double precision straight from the weights in its {@code head.onnx}
 * (standardisation, then the linear layer, or the MLP's two layers with ReLU between), the arithmetic of the
 * trainer's own head. Measures whether
 * ONNX Runtime's float run of the exported graph picks the same classes. Softmax does not change which class is
 * best, so it is left out.
 */
final class HeadInDoublePrecision {

  private static final List<String> EXPECTED_OPS = List.of("Sub", "Mul", "Gemm", "Softmax", "Identity");
  private static final List<String> MLP_OPS =
      List.of("Sub", "Mul", "MatMul", "Add", "Relu", "MatMul", "Add", "Softmax");

  private final float[] mean;
  private final float[] inverseStd;
  private final float[] weights;
  private final boolean transposedWeights;
  private final float[] bias;
  private final double alpha;
  private final double beta;
  private final int classes;
  /** The MLP's hidden layer (inputs × hidden, row-major) and its bias; null for the logistic head. */
  private final float[] hiddenWeights;
  private final float[] hiddenBias;

  private HeadInDoublePrecision(OnnxMl.GraphProto graph) {
    List<String> ops = graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList();
    Map<String, OnnxMl.TensorProto> initializers = graph.getInitializerList().stream()
        .collect(Collectors.toMap(OnnxMl.TensorProto::getName, Function.identity()));
    if (ops.equals(MLP_OPS)) {
      this.mean = floats(initializers.get(graph.getNode(0).getInput(1)));
      this.inverseStd = floats(initializers.get(graph.getNode(1).getInput(1)));
      this.hiddenWeights = floats(initializers.get(graph.getNode(2).getInput(1)));
      this.hiddenBias = floats(initializers.get(graph.getNode(3).getInput(1)));
      OnnxMl.TensorProto output = initializers.get(graph.getNode(5).getInput(1));
      this.weights = floats(output);
      this.bias = floats(initializers.get(graph.getNode(6).getInput(1)));
      this.transposedWeights = false;
      this.alpha = 1;
      this.beta = 1;
      this.classes = (int) output.getDims(1);
      return;
    }
    if (!ops.equals(EXPECTED_OPS)) {
      throw new IllegalStateException("the head graph is " + ops + ", this reference computes " + EXPECTED_OPS
          + " or " + MLP_OPS);
    }
    this.hiddenWeights = null;
    this.hiddenBias = null;
    OnnxMl.NodeProto gemm = graph.getNode(2);
    this.mean = floats(initializers.get(graph.getNode(0).getInput(1)));
    this.inverseStd = floats(initializers.get(graph.getNode(1).getInput(1)));
    OnnxMl.TensorProto weightTensor = initializers.get(gemm.getInput(1));
    this.weights = floats(weightTensor);
    this.bias = floats(initializers.get(gemm.getInput(2)));
    if (attribute(gemm, "transA", 0) != 0) {
      throw new IllegalStateException("Gemm with transA is not what the trainer exports");
    }
    this.transposedWeights = attribute(gemm, "transB", 0) != 0;
    this.alpha = attribute(gemm, "alpha", 1);
    this.beta = attribute(gemm, "beta", 1);
    this.classes = (int) weightTensor.getDims(transposedWeights ? 0 : 1);
  }

  static HeadInDoublePrecision read(Path headOnnx) throws IOException {
    return new HeadInDoublePrecision(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(headOnnx)).getGraph());
  }

  /** Index of the highest-scoring class for one backbone feature vector. */
  int bestClass(float[] features) {
    int width = mean.length;
    double[] standardized = new double[width];
    for (int j = 0; j < width; j++) {
      // The same float arithmetic the trainer's Standardizer applies before Tribuo sees the vector.
      standardized[j] = (features[j] - mean[j]) * inverseStd[j];
    }
    if (hiddenWeights != null) {
      standardized = hidden(standardized);
    }
    int layerInputs = standardized.length;
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      double sum = 0;
      for (int j = 0; j < layerInputs; j++) {
        sum += standardized[j] * (transposedWeights ? weights[k * layerInputs + j] : weights[j * classes + k]);
      }
      double score = alpha * sum + beta * bias[k];
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }

  private double[] hidden(double[] standardized) {
    int units = hiddenBias.length;
    double[] activation = new double[units];
    for (int h = 0; h < units; h++) {
      activation[h] = hiddenBias[h];
    }
    for (int j = 0; j < standardized.length; j++) {
      for (int h = 0; h < units; h++) {
        activation[h] += standardized[j] * hiddenWeights[j * units + h];
      }
    }
    for (int h = 0; h < units; h++) {
      activation[h] = Math.max(0, activation[h]);
    }
    return activation;
  }

  private static float[] floats(OnnxMl.TensorProto tensor) {
    if (tensor.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
      throw new IllegalStateException(tensor.getName() + " is not a float tensor");
    }
    if (!tensor.getRawData().isEmpty()) {
      float[] values = new float[tensor.getRawData().size() / Float.BYTES];
      ByteBuffer.wrap(tensor.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return values;
    }
    float[] values = new float[tensor.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = tensor.getFloatData(i);
    }
    return values;
  }

  private static double attribute(OnnxMl.NodeProto node, String name, double absent) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
        .map(a -> a.getType() == OnnxMl.AttributeProto.AttributeType.INT ? (double) a.getI() : (double) a.getF())
        .orElse(absent);
  }
}
