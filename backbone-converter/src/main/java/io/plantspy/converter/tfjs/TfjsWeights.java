package io.plantspy.converter.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Decodes a TF.js weight manifest into named tensors, keeping quantised weights in their uint8 form. */
final class TfjsWeights {

  private TfjsWeights() {}

  static Map<String, TfjsTensor> decode(List<JsonNode> specs, byte[] data) throws IOException {
    Map<String, TfjsTensor> tensors = new LinkedHashMap<>();
    int offset = 0;
    for (JsonNode spec : specs) {
      String name = spec.path("name").asString();
      long[] shape = shapeOf(spec.path("shape"));
      int count = (int) elementCount(shape);
      if (!"float32".equals(spec.path("dtype").asString())) {
        throw new IOException("weight " + name + " has unsupported dtype " + spec.path("dtype"));
      }
      JsonNode quantization = spec.path("quantization");
      TfjsTensor tensor;
      if (quantization.isMissingNode()) {
        float[] values = new float[count];
        ByteBuffer.wrap(data, offset, count * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        tensor = TfjsTensor.ofFloats(name, shape, values);
        offset += count * 4;
      } else if ("uint8".equals(quantization.path("dtype").asString())) {
        byte[] quantized = new byte[count];
        System.arraycopy(data, offset, quantized, 0, count);
        tensor = TfjsTensor.ofUint8(name, shape, quantized,
            quantization.path("min").asDouble(), quantization.path("scale").asDouble());
        offset += count;
      } else {
        throw new IOException("weight " + name + " has unsupported quantization " + quantization);
      }
      tensors.put(name, tensor);
    }
    if (offset != data.length) {
      throw new IOException("weight manifest covers " + offset + " bytes but shards hold " + data.length);
    }
    return Collections.unmodifiableMap(tensors);
  }

  static long[] shapeOf(JsonNode shapeNode) {
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong();
    }
    return shape;
  }

  static long elementCount(long[] shape) {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    return count;
  }
}
