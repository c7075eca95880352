package io.plantspy.converter.tfjs;

import static io.plantspy.converter.onnx.OnnxGraphBuilder.integer;
import static io.plantspy.converter.onnx.OnnxGraphBuilder.ints;
import static io.plantspy.converter.onnx.OnnxGraphBuilder.string;

import ai.onnx.proto.OnnxMl;
import io.plantspy.converter.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Converts a TF.js graph model (TensorFlow's NHWC ops as emitted by the TF.js converter) into an ONNX
 * opset-13 graph (NCHW). It covers the ops of MobileNet-style image backbones: fused Conv2D and depthwise
 * Conv2D with bias and ReLU/ReLU6, Add, Mul, Sub, AvgPool and Squeeze. Anything else fails loudly with
 * the op's name rather than producing a wrong graph.
 *
 * <p>The ONNX graph takes images as NHWC {@code [N, H, W, 3]} float input in [0, 1] (like the TF.js model)
 * and transposes to NCHW once at the top. Each requested output that is a 4-D feature map is
 * global-average-pooled to {@code [N, C]}, so intermediate layers can serve as extra feature taps.
 */
public final class TfjsToOnnxConverter {

  /** How a 4-D feature map becomes a vector per image. */
  public enum Pooling {
    /** Global average over positions: C values. */
    MEAN,
    /** Global average and standard deviation over positions: 2C values (mean first). */
    MEAN_STD,
    /**
     * The average over each of a grid of square regions, then the largest of those averages per channel: C values.
     * A leaf filling part of a busy photo dominates some region, where a global average mixes it with the scene
     * (regional max-pooling, as R-MAC does for image retrieval).
     */
    REGION_MAX,
    /**
     * The average over positions weighted by the output's {@link LeafScorer}: how much each position looks like
     * leaf rather than scene, so the leaf's features are pooled without the background's. C values.
     */
    LEAF_MEAN
  }

  /**
   * One TF.js tensor feeding an output, with the pooling applied when it is a 4-D feature map.
   *
   * @param regionSide the side of a {@link Pooling#REGION_MAX} region in positions; for {@link Pooling#LEAF_MEAN},
   *     how many of this layer's positions per side make one of the scorer's (1 on the scorer's grid, 2 on a grid
   *     twice as fine); 0 for other poolings
   * @param regionStride the step between regions in positions (for {@link Pooling#LEAF_MEAN}, equal to the side)
   */
  public record Tap(String tfNode, Pooling pooling, int regionSide, int regionStride) {

    public Tap(String tfNode, Pooling pooling) {
      this(tfNode, pooling, 0, 0);
    }

    public Tap {
      boolean regional = pooling == Pooling.REGION_MAX || pooling == Pooling.LEAF_MEAN;
      if (regional != (regionSide > 0 && regionStride > 0)) {
        throw new IllegalArgumentException("region sizes go with REGION_MAX and LEAF_MEAN pooling only: " + tfNode);
      }
    }
  }

  /**
   * A learned leaf score per position of one layer: {@code sigmoid(weights . x + bias)} over its channels. The
   * {@link Pooling#LEAF_MEAN} taps of an output are weighted by it.
   *
   * @param gridSide the layer's positions per side for a 224 x 224 image (it fixes the width of the
   *     {@link #POSITIONS_OUTPUT} the scorer is trained from)
   */
  public record LeafScorer(String tfNode, int gridSide, float[] weights, float bias) {
    public LeafScorer {
      weights = weights.clone();
    }
  }

  /**
   * The graph output that a {@link LeafScorer} adds: its layer's values at every position, NHWC-flattened to
   * {@code [N, gridSide * gridSide * C]} (position {@code y * gridSide + x}, then channel), to train the scorer
   * from. ONNX Runtime computes it only when asked.
   */
  public static final String POSITIONS_OUTPUT = "positions";

  /**
   * An ONNX graph output: the pooled taps concatenated in order into one {@code [N, D]} vector. With a leaf scorer,
   * the mean leaf score over positions (the share of the frame that looks like leaf) comes last.
   */
  public record Output(String name, List<Tap> taps, LeafScorer scorer) {
    public Output(String name, List<Tap> taps) {
      this(name, taps, null);
    }

    public Output {
      taps = List.copyOf(taps);
      if (taps.isEmpty()) {
        throw new IllegalArgumentException("an output needs at least one tap");
      }
      if ((scorer != null) != taps.stream().anyMatch(tap -> tap.pooling() == Pooling.LEAF_MEAN)) {
        throw new IllegalArgumentException("LEAF_MEAN taps and a leaf scorer go together: " + name);
      }
    }
  }

  private static final String INPUT_NAME = "image";
  private static final long ONNX_FLOAT = OnnxMl.TensorProto.DataType.FLOAT.getNumber();

  private final Map<String, JsonNode> nodesByName = new HashMap<>();
  private final Map<String, TfjsTensor> weights;
  private final WeightEncoding encoding;
  private final OnnxGraphBuilder graph = new OnnxGraphBuilder("backbone");
  /** TF tensor name to the ONNX value computed for it; every 4-D value is NCHW. */
  private final Map<String, Value> converted = new HashMap<>();
  private final Map<String, String> initializerCache = new HashMap<>();

  private record Value(String name, int rank, long channels) {}

  private TfjsToOnnxConverter(TfjsPackage model, WeightEncoding encoding) throws IOException {
    for (JsonNode node : model.topology().path("node")) {
      nodesByName.put(node.path("name").asString(), node);
    }
    this.weights = TfjsWeights.decode(model.weightSpecs(), model.weightData());
    this.encoding = encoding;
  }

  /** Converts the sub-graph that the given outputs depend on. */
  public static OnnxMl.ModelProto convert(TfjsPackage model, WeightEncoding encoding, List<Output> outputs)
      throws IOException {
    TfjsToOnnxConverter converter = new TfjsToOnnxConverter(model, encoding);
    for (Output output : outputs) {
      converter.exposeOutput(output);
    }
    return converter.graph.build("plantspy-tfjs-to-onnx",
        "Converted from a TF.js graph model (" + model.modelJson().path("convertedBy").asString()
            + "), weights " + encoding + ".");
  }

  private void exposeOutput(Output output) throws IOException {
    List<String> parts = new ArrayList<>();
    long width = 0;
    String leafScore = output.scorer() == null ? null : leafScore(output.scorer());
    for (Tap tap : output.taps()) {
      Value value = valueOf(tap.tfNode());
      String base = output.name() + "_" + parts.size();
      if (value.rank() == 4 && tap.pooling() == Pooling.LEAF_MEAN) {
        parts.add(leafMean(value, tap, leafScore, base));
        width += value.channels();
      } else if (value.rank() == 4 && tap.pooling() == Pooling.REGION_MAX) {
        String regions = graph.node("AveragePool", base + "_regions", new String[] {value.name()},
            ints("kernel_shape", tap.regionSide(), tap.regionSide()), ints("strides", tap.regionStride(),
                tap.regionStride()));
        String max = graph.node("GlobalMaxPool", base + "_region_max", new String[] {regions});
        parts.add(graph.node("Flatten", base + "_flat", new String[] {max}, integer("axis", 1)));
        width += value.channels();
      } else if (value.rank() == 4) {
        String mean = graph.node("GlobalAveragePool", base + "_mean", new String[] {value.name()});
        String pooled = mean;
        if (tap.pooling() == Pooling.MEAN_STD) {
          // std = sqrt(max(E[x^2] - E[x]^2, 0)); the max guards against tiny negative rounding.
          String square = graph.node("Mul", base + "_sq", new String[] {value.name(), value.name()});
          String meanOfSquare = graph.node("GlobalAveragePool", base + "_mean_sq", new String[] {square});
          String squareOfMean = graph.node("Mul", base + "_sq_mean", new String[] {mean, mean});
          String variance = graph.node("Sub", base + "_var", new String[] {meanOfSquare, squareOfMean});
          String std = graph.node("Sqrt", base + "_std", new String[] {graph.node("Relu", base + "_var_pos",
              new String[] {variance})});
          pooled = graph.node("Concat", base + "_mean_std", new String[] {mean, std}, integer("axis", 1));
        }
        parts.add(graph.node("Flatten", base + "_flat", new String[] {pooled}, integer("axis", 1)));
        width += value.channels() * (tap.pooling() == Pooling.MEAN_STD ? 2 : 1);
      } else if (value.rank() == 2) {
        parts.add(value.name());
        width += value.channels();
      } else {
        throw new IOException("tap " + tap.tfNode() + " has rank " + value.rank() + ", expected 2 or 4");
      }
    }
    if (leafScore != null) {
      String share = graph.node("GlobalAveragePool", output.name() + "_leaf_share", new String[] {leafScore});
      parts.add(graph.node("Flatten", output.name() + "_leaf_share_flat", new String[] {share}, integer("axis", 1)));
      width += 1;
    }
    String result = graph.node(parts.size() == 1 ? "Identity" : "Concat", output.name(), parts.toArray(String[]::new),
        parts.size() == 1 ? new OnnxMl.AttributeProto[0] : new OnnxMl.AttributeProto[] {integer("axis", 1)});
    graph.addFloatOutput(result, "N", Long.toString(width));
  }

  /**
   * The scorer's sigmoid leaf score per position, {@code [N, 1, H, W]}, and the {@link #POSITIONS_OUTPUT} it is
   * trained from.
   */
  private String leafScore(LeafScorer scorer) throws IOException {
    Value layer = valueOf(scorer.tfNode());
    if (layer.rank() != 4 || layer.channels() != scorer.weights().length) {
      throw new IOException("leaf scorer has " + scorer.weights().length + " weights for " + scorer.tfNode()
          + " (rank " + layer.rank() + ", " + layer.channels() + " channels)");
    }
    String weights = graph.floatInitializer("leaf_scorer_w", new long[] {1, layer.channels(), 1, 1},
        scorer.weights());
    String bias = graph.floatInitializer("leaf_scorer_b", new long[] {1}, new float[] {scorer.bias()});
    String logit = graph.node("Conv", "leaf_logit", new String[] {layer.name(), weights, bias},
        ints("kernel_shape", 1, 1));
    String nhwc = graph.node("Transpose", "positions_nhwc", new String[] {layer.name()}, ints("perm", 0, 2, 3, 1));
    String positions = graph.node("Flatten", POSITIONS_OUTPUT, new String[] {nhwc}, integer("axis", 1));
    graph.addFloatOutput(positions, "N",
        Long.toString((long) scorer.gridSide() * scorer.gridSide() * layer.channels()));
    return graph.node("Sigmoid", "leaf_score", new String[] {logit});
  }

  /**
   * The layer's mean weighted by the leaf score, {@code sum(score * x) / sum(score)} per channel, as two global
   * averages. A layer finer than the scorer's grid is averaged down to it first.
   */
  private String leafMean(Value value, Tap tap, String leafScore, String base) {
    String onGrid = tap.regionSide() == 1 ? value.name() : graph.node("AveragePool", base + "_cells",
        new String[] {value.name()}, ints("kernel_shape", tap.regionSide(), tap.regionSide()),
        ints("strides", tap.regionStride(), tap.regionStride()));
    String weighted = graph.node("GlobalAveragePool", base + "_leaf_sum", new String[] {graph.node("Mul",
        base + "_leaf_weighted", new String[] {onGrid, leafScore})});
    // The score is a sigmoid, so its mean is positive; the epsilon only guards a scorer that saturates at 0.
    String share = graph.node("Add", base + "_leaf_share", new String[] {graph.node("GlobalAveragePool",
        base + "_leaf_mass", new String[] {leafScore}), graph.floatScalar(base + "_eps", 1e-6f)});
    String mean = graph.node("Div", base + "_leaf_mean", new String[] {weighted, share});
    return graph.node("Flatten", base + "_flat", new String[] {mean}, integer("axis", 1));
  }

  private Value valueOf(String tensorName) throws IOException {
    String nodeName = tensorName.contains(":") ? tensorName.substring(0, tensorName.indexOf(':')) : tensorName;
    Value existing = converted.get(nodeName);
    if (existing != null) {
      return existing;
    }
    // Iterative post-order walk: deep graphs would overflow the stack with plain recursion.
    List<String> order = topologicalOrder(nodeName);
    for (String name : order) {
      if (!converted.containsKey(name)) {
        converted.put(name, convertNode(nodesByName.get(name)));
      }
    }
    return converted.get(nodeName);
  }

  private List<String> topologicalOrder(String root) throws IOException {
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    List<String[]> stack = new ArrayList<>();
    stack.add(new String[] {root, "enter"});
    while (!stack.isEmpty()) {
      String[] frame = stack.remove(stack.size() - 1);
      String name = frame[0];
      JsonNode node = nodesByName.get(name);
      if (node == null) {
        throw new IOException("graph has no node " + name);
      }
      if (done.contains(name) || converted.containsKey(name) || "Const".equals(node.path("op").asString())) {
        continue;
      }
      if ("exit".equals(frame[1])) {
        done.add(name);
        order.add(name);
        continue;
      }
      stack.add(new String[] {name, "exit"});
      for (JsonNode input : node.path("input")) {
        stack.add(new String[] {stripPort(input.asString()), "enter"});
      }
    }
    return order;
  }

  private Value convertNode(JsonNode node) throws IOException {
    String op = node.path("op").asString();
    String name = shortName(node.path("name").asString());
    return switch (op) {
      case "Placeholder" -> convertPlaceholder(node);
      case "Mul", "Sub", "AddV2", "Add" -> convertBinary(node, name, op);
      case "_FusedConv2D" -> convertConv(node, name, false);
      case "FusedDepthwiseConv2dNative" -> convertConv(node, name, true);
      case "AvgPool" -> convertAvgPool(node, name);
      case "Squeeze" -> convertSqueeze(node, name);
      case "Identity" -> input(node, 0);
      default -> throw new IOException("unsupported TF.js op " + op + " at " + node.path("name").asString());
    };
  }

  private Value convertPlaceholder(JsonNode node) throws IOException {
    JsonNode dims = node.path("attr").path("shape").path("shape").path("dim");
    if (dims.size() != 4 || dims.get(3).path("size").asLong() != 3) {
      throw new IOException("expected an NHWC RGB image input, got " + dims);
    }
    String h = dims.get(1).path("size").asString();
    String w = dims.get(2).path("size").asString();
    graph.uniqueName(INPUT_NAME);
    graph.addFloatInput(INPUT_NAME, "N", h, w, "3");
    return new Value(graph.node("Transpose", "image_nchw", new String[] {INPUT_NAME}, ints("perm", 0, 3, 1, 2)), 4, 3);
  }

  private Value convertBinary(JsonNode node, String name, String op) throws IOException {
    String onnxOp = switch (op) {
      case "Mul" -> "Mul";
      case "Sub" -> "Sub";
      default -> "Add";
    };
    String[] inputs = new String[2];
    int rank = 0;
    long channels = 0;
    for (int i = 0; i < 2; i++) {
      String input = stripPort(node.path("input").get(i).asString());
      TfjsTensor constant = constant(input);
      if (constant != null) {
        if (constant.shape().length != 0) {
          throw new IOException(op + " with a non-scalar constant is not supported: " + input);
        }
        inputs[i] = graph.floatScalar(shortName(input), constant.dequantized()[0]);
      } else {
        Value value = valueOf(input);
        inputs[i] = value.name();
        rank = Math.max(rank, value.rank());
        channels = Math.max(channels, value.channels());
      }
    }
    return new Value(graph.node(onnxOp, name, inputs), rank, channels);
  }

  private Value convertConv(JsonNode node, String name, boolean depthwise) throws IOException {
    JsonNode attr = node.path("attr");
    requireNhwc(node);
    long[] dilations = intList(attr.path("dilations"));
    for (long d : dilations) {
      if (d != 1) {
        throw new IOException("dilated convolution is not supported: " + node.path("name").asString());
      }
    }
    long[] strides = intList(attr.path("strides"));
    List<String> fused = stringList(attr.path("fused_ops"));
    if (fused.isEmpty() || !"BiasAdd".equals(fused.get(0)) || fused.size() > 2) {
      throw new IOException("unsupported fused ops " + fused + " at " + node.path("name").asString());
    }
    Value x = input(node, 0);
    TfjsTensor filter = requireConstant(node, 1);
    TfjsTensor bias = requireConstant(node, 2);
    long[] fs = filter.shape(); // HWIO, or H W C M for depthwise
    String weight;
    long group = 1;
    long outChannels = depthwise ? fs[2] * fs[3] : fs[3];
    if (depthwise) {
      long channels = fs[2] * fs[3];
      group = fs[2];
      weight = weightInitializer(filter, new long[] {fs[0], fs[1], channels}, new int[] {2, 0, 1},
          new long[] {channels, 1, fs[0], fs[1]});
    } else {
      weight = weightInitializer(filter, fs, new int[] {3, 2, 0, 1}, new long[] {fs[3], fs[2], fs[0], fs[1]});
    }
    String biasName = weightInitializer(bias, bias.shape(), new int[] {0}, bias.shape());
    String padding = decodeString(attr.path("padding").path("s").asString());
    OnnxMl.AttributeProto pad = switch (padding) {
      // TF "SAME" puts the odd extra pixel at the end, which is ONNX SAME_UPPER.
      case "SAME" -> string("auto_pad", "SAME_UPPER");
      case "VALID" -> string("auto_pad", "VALID");
      default -> throw new IOException("unsupported padding " + padding + " at " + node.path("name").asString());
    };
    String conv = graph.node("Conv", name + (fused.size() > 1 ? "_conv" : ""),
        new String[] {x.name(), weight, biasName},
        ints("kernel_shape", fs[0], fs[1]), ints("strides", strides[1], strides[2]), pad, integer("group", group));
    if (fused.size() == 1) {
      return new Value(conv, 4, outChannels);
    }
    return new Value(activation(fused.get(1), conv, name), 4, outChannels);
  }

  private String activation(String kind, String input, String name) throws IOException {
    return switch (kind) {
      case "Relu" -> graph.node("Relu", name, new String[] {input});
      case "Relu6" -> graph.node("Clip", name,
          new String[] {input, sharedScalar("relu6_min", 0f), sharedScalar("relu6_max", 6f)});
      default -> throw new IOException("unsupported fused activation " + kind);
    };
  }

  private Value convertAvgPool(JsonNode node, String name) throws IOException {
    requireNhwc(node);
    JsonNode attr = node.path("attr");
    String padding = decodeString(attr.path("padding").path("s").asString());
    if (!"VALID".equals(padding)) {
      throw new IOException("AvgPool with padding " + padding + " is not supported");
    }
    long[] k = intList(attr.path("ksize"));
    long[] s = intList(attr.path("strides"));
    return new Value(graph.node("AveragePool", name, new String[] {input(node, 0).name()},
        ints("kernel_shape", k[1], k[2]), ints("strides", s[1], s[2])), 4, input(node, 0).channels());
  }

  private Value convertSqueeze(JsonNode node, String name) throws IOException {
    Value x = input(node, 0);
    long[] dims = intList(node.path("attr").path("squeeze_dims"));
    long[] axes = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      // NHWC axis to NCHW axis: H->2, W->3, C->1.
      axes[i] = x.rank() == 4 ? new long[] {0, 2, 3, 1}[(int) dims[i]] : dims[i];
    }
    java.util.Arrays.sort(axes);
    String axesName = graph.int64Initializer(name + "_axes", axes);
    return new Value(graph.node("Squeeze", name, new String[] {x.name(), axesName}), x.rank() - axes.length,
        x.channels());
  }

  /** Writes a constant permuted into ONNX layout, as float32 or as uint8 plus in-graph dequantisation. */
  private String weightInitializer(TfjsTensor tensor, long[] viewShape, int[] perm, long[] onnxShape) {
    String key = tensor.name() + "|" + java.util.Arrays.toString(perm);
    String cached = initializerCache.get(key);
    if (cached != null) {
      return cached;
    }
    int[] source = Permutation.sourceIndices(viewShape, perm);
    String base = shortName(tensor.name());
    String name;
    if (encoding == WeightEncoding.UINT8 && tensor.quantized()) {
      byte[] codes = new byte[source.length];
      for (int i = 0; i < source.length; i++) {
        codes[i] = tensor.uint8()[source[i]];
      }
      String q = graph.uint8Initializer(base + "_q", onnxShape, codes);
      String asFloat = graph.node("Cast", base + "_f", new String[] {q}, integer("to", ONNX_FLOAT));
      String scaled = graph.node("Mul", base + "_scaled",
          new String[] {asFloat, graph.floatScalar(base + "_scale", (float) tensor.scale())});
      name = graph.node("Add", base, new String[] {scaled, graph.floatScalar(base + "_min", (float) tensor.min())});
    } else {
      float[] values = tensor.dequantized();
      float[] permuted = new float[source.length];
      for (int i = 0; i < source.length; i++) {
        permuted[i] = values[source[i]];
      }
      name = graph.floatInitializer(base, onnxShape, permuted);
    }
    initializerCache.put(key, name);
    return name;
  }

  private String sharedScalar(String name, float value) {
    return initializerCache.computeIfAbsent("scalar|" + name, k -> graph.floatScalar(name, value));
  }

  private Value input(JsonNode node, int index) throws IOException {
    return valueOf(stripPort(node.path("input").get(index).asString()));
  }

  private TfjsTensor requireConstant(JsonNode node, int index) throws IOException {
    String input = stripPort(node.path("input").get(index).asString());
    TfjsTensor constant = constant(input);
    if (constant == null) {
      throw new IOException("input " + index + " of " + node.path("name").asString() + " must be a constant");
    }
    return constant;
  }

  private TfjsTensor constant(String nodeName) {
    JsonNode node = nodesByName.get(nodeName);
    return node != null && "Const".equals(node.path("op").asString()) ? weights.get(nodeName) : null;
  }

  private static void requireNhwc(JsonNode node) throws IOException {
    JsonNode format = node.path("attr").path("data_format").path("s");
    if (!format.isMissingNode() && !"NHWC".equals(decodeString(format.asString()))) {
      throw new IOException("only NHWC is supported: " + node.path("name").asString());
    }
  }

  private static long[] intList(JsonNode attribute) {
    JsonNode values = attribute.path("list").path("i");
    long[] result = new long[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = Long.parseLong(values.get(i).asString());
    }
    return result;
  }

  private static List<String> stringList(JsonNode attribute) {
    List<String> result = new ArrayList<>();
    for (JsonNode value : attribute.path("list").path("s")) {
      result.add(decodeString(value.asString()));
    }
    return result;
  }

  /** TF.js stores string attributes base64-encoded. */
  private static String decodeString(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String stripPort(String input) {
    int colon = input.indexOf(':');
    return colon < 0 ? input : input.substring(0, colon);
  }

  /** Drops the long TF-Hub/Keras scope prefix so ONNX names stay readable. */
  private static String shortName(String tfName) {
    int at = tfName.indexOf("MobilenetV2/");
    if (at >= 0) {
      return tfName.substring(at + "MobilenetV2/".length()).replace('/', '.');
    }
    String[] parts = tfName.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : tfName;
  }
}
