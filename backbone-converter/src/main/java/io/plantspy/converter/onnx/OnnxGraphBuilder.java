package io.plantspy.converter.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * A small writer for ONNX graphs on top of the generated protobuf classes: named nodes, raw-data
 * initialisers and typed graph inputs/outputs. Names are unique and the output is deterministic, so the
 * same conversion always yields the same bytes (and the same sha256).
 */
public final class OnnxGraphBuilder {

  public static final int OPSET = 13;
  /** IR version 7 is the one that goes with opset 13. */
  public static final long IR_VERSION = 7;

  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();

  public OnnxGraphBuilder(String graphName) {
    graph.setName(graphName);
  }

  public String uniqueName(String base) {
    String name = base;
    for (int i = 1; !names.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  public void addFloatInput(String name, String... dims) {
    graph.addInput(valueInfo(name, TensorProto.DataType.FLOAT, dims));
  }

  public void addFloatOutput(String name, String... dims) {
    graph.addOutput(valueInfo(name, TensorProto.DataType.FLOAT, dims));
  }

  public String floatInitializer(String base, long[] dims, float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return initializer(base, dims, TensorProto.DataType.FLOAT, ByteString.copyFrom(buffer.array()));
  }

  public String uint8Initializer(String base, long[] dims, byte[] values) {
    return initializer(base, dims, TensorProto.DataType.UINT8, ByteString.copyFrom(values));
  }

  public String int64Initializer(String base, long... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asLongBuffer().put(values);
    return initializer(base, new long[] {values.length}, TensorProto.DataType.INT64,
        ByteString.copyFrom(buffer.array()));
  }

  public String floatScalar(String base, float value) {
    return floatInitializer(base, new long[0], new float[] {value});
  }

  /** Adds a node with one output, named after {@code base}, and returns that output's name. */
  public String node(String opType, String base, String[] inputs, AttributeProto... attributes) {
    String output = uniqueName(base);
    OnnxMl.NodeProto.Builder node =
        OnnxMl.NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
    for (String input : inputs) {
      node.addInput(input);
    }
    for (AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return output;
  }

  public static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder attribute =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      attribute.addInts(v);
    }
    return attribute.build();
  }

  public static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  public static AttributeProto string(String name, String value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value))
        .build();
  }

  public OnnxMl.ModelProto build(String producer, String docString) {
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(producer)
        .setDocString(docString)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  private String initializer(String base, long[] dims, TensorProto.DataType type, ByteString raw) {
    String name = uniqueName(base);
    TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
    for (long d : dims) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    return name;
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, TensorProto.DataType type, String... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (String dim : dims) {
      OnnxMl.TensorShapeProto.Dimension.Builder d = OnnxMl.TensorShapeProto.Dimension.newBuilder();
      if (dim.chars().allMatch(Character::isDigit)) {
        d.setDimValue(Long.parseLong(dim));
      } else {
        d.setDimParam(dim);
      }
      shape.addDim(d);
    }
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.TypeProto.newBuilder()
            .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
        .build();
  }
}
