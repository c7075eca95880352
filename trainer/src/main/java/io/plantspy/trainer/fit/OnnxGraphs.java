package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The pieces the trainer's own ONNX graphs (class distances, MLP head) are built from: float initialisers,
 * two-input nodes, batch-by-width value infos, and the model around a graph (IR 8, default opset 13).
 */
final class OnnxGraphs {

  private OnnxGraphs() {}

  static OnnxMl.ModelProto model(String name, List<OnnxMl.ValueInfoProto> inputs, List<OnnxMl.ValueInfoProto> outputs,
      List<OnnxMl.TensorProto> initializers, List<OnnxMl.NodeProto> nodes) {
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
        .setName(name)
        .addAllInput(inputs)
        .addAllOutput(outputs)
        .addAllInitializer(initializers)
        .addAllNode(nodes)
        .build();
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("plantspy-trainer")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .setGraph(graph)
        .build();
  }

  static OnnxMl.NodeProto node(String op, String left, String right, String output) {
    return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output).addInput(left).addInput(right)
        .addOutput(output).build();
  }

  static OnnxMl.NodeProto node(String op, String input, String output) {
    return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output).addInput(input).addOutput(output).build();
  }

  static OnnxMl.ValueInfoProto valueInfo(String name, int width) {
    OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width))
        .build();
    return OnnxMl.ValueInfoProto.newBuilder().setName(name)
        .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
        .build();
  }

  static OnnxMl.TensorProto tensor(String name, float[] values, long... dims) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    OnnxMl.TensorProto.Builder tensor = OnnxMl.TensorProto.newBuilder()
        .setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(buffer.array()));
    for (long dim : dims) {
      tensor.addDims(dim);
    }
    return tensor.build();
  }
}
