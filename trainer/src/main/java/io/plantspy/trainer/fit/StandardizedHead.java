package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Prepends the feature standardisation to a head exported by Tribuo: the graph's input becomes the raw
 * backbone features, which go through {@code Sub(mean)} and {@code Mul(1/std)} into Tribuo's own graph.
 */
final class StandardizedHead {

  static final String INPUT = "features";

  private StandardizedHead() {}

  static OnnxMl.ModelProto wrap(OnnxMl.ModelProto head, Standardizer standardizer) {
    OnnxMl.GraphProto graph = head.getGraph();
    if (graph.getInputCount() != 1) {
      throw new IllegalArgumentException("expected a head with one input, found " + graph.getInputCount());
    }
    OnnxMl.ValueInfoProto tribuoInput = graph.getInput(0);
    String standardizedName = tribuoInput.getName();
    OnnxMl.ValueInfoProto rawInput = tribuoInput.toBuilder().setName(INPUT).build();
    OnnxMl.GraphProto.Builder wrapped = graph.toBuilder()
        .clearInput()
        .addInput(rawInput)
        .addInitializer(vector("standardize_mean", standardizer.mean()))
        .addInitializer(vector("standardize_inverse_std", standardizer.inverseStd()))
        .clearNode()
        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Sub").setName("standardize_center")
            .addInput(INPUT).addInput("standardize_mean").addOutput("standardize_centered"))
        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Mul").setName("standardize_scale")
            .addInput("standardize_centered").addInput("standardize_inverse_std").addOutput(standardizedName))
        .addAllNode(graph.getNodeList());
    // Tribuo embeds its provenance (with training timestamps) in the model metadata; dropping it makes the
    // head's bytes, and so its sha256, a function of the data and seed alone. release.json records the settings.
    return head.toBuilder().clearMetadataProps().clearDocString().setGraph(wrapped).build();
  }

  private static OnnxMl.TensorProto vector(String name, float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return OnnxMl.TensorProto.newBuilder()
        .setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
        .addDims(values.length)
        .setRawData(ByteString.copyFrom(buffer.array()))
        .build();
  }
}
