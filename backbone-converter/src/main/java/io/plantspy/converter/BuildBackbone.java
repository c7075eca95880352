package io.plantspy.converter;

import ai.onnx.proto.OnnxMl;
import io.plantspy.converter.tfjs.TfjsPackage;
import io.plantspy.converter.tfjs.TfjsToOnnxConverter;
import io.plantspy.converter.tfjs.WeightEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Build step (run by Maven in the model module): converts the MobileNetV2 graph shipped in the nsfwjs npm
 * package into the ONNX backbones the project serves, and writes their sha256 and the package's licence
 * beside them. Arguments: the npm tarball and the output folder.
 */
public final class BuildBackbone {

  /*
   * The names below are the contract with the model module's BackboneFiles, which loads these files from its
   * jar; the model module's tests load them, so a mismatch fails its build.
   */
  /** The graph output holding the feature vectors (the input is {@code image}, NHWC RGB in [0, 1]). */
  public static final String FEATURES_OUTPUT = "features";
  public static final String FLOAT32_FILE = "plantspy-backbone-mnv2.onnx";
  public static final String UINT8_FILE = "plantspy-backbone-mnv2-uint8.onnx";
  /** The block taps and the whole network's pooled features in one output, from one pass (3,264 + 1,792). */
  public static final String TAPS_AND_WHOLE_FILE = "plantspy-backbone-mnv2-taps-whole.onnx";
  /** The block taps, then each tapped layer's regional max (3,264 + 1,632), the network cut as for the taps. */
  public static final String TAPS_AND_REGIONS_FILE = "plantspy-backbone-mnv2-taps-regions.onnx";
  /**
   * The block taps, then each tapped layer's mean weighted by the leaf scorer, then the mean leaf score
   * (3,264 + 1,632 + 1), the network cut as for the taps; its second output holds the scored layer's positions.
   */
  public static final String TAPS_AND_LEAF_FILE = "plantspy-backbone-mnv2-taps-leaf.onnx";
  /** The whole MobileNetV2 up to its 1792-d pooled features, kept to prove the conversion against TF.js. */
  public static final String REFERENCE_FILE = "mobilenet_v2_140_224_pooled1792.onnx";

  static final String MODEL_DIR = "dist/models/mobilenet_v2_mid";
  static final String SCOPE =
      "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/"
          + "StatefulPartitionedCall/predict/";
  /** The 1792-d pooled feature vector of MobileNetV2 1.4 (the input of the package's own classifier). */
  static final String FEATURE_NODE = SCOPE + "feature_vector/SpatialSqueeze";

  /**
   * The layers the serving backbone exposes, each pooled to per-channel mean and std. Mid-level features
   * transfer to leaves far better than the last layer, which nsfwjs fine-tuned for its own task (linear
   * probe on the test split: last layer 87.9 %, these three 94.3 %); the network is cut after them, so
   * serving also skips the last blocks.
   */
  static final List<String> TAP_NODES = List.of(
      SCOPE + "MobilenetV2/expanded_conv_6/expand/Relu6",
      SCOPE + "MobilenetV2/expanded_conv_9/expand/Relu6",
      SCOPE + "MobilenetV2/expanded_conv_13/expand/Relu6");

  /**
   * Regions of the tapped layers for the regional max, as side and stride in positions: a 3 x 3 grid of regions a
   * little over half the frame's side (block 6's expansion is 28 x 28 positions for a 224 image, blocks 9 and 13's
   * 14 x 14).
   */
  static final int[][] TAP_REGIONS = {{16, 6}, {8, 3}, {8, 3}};

  /**
   * The leaf scorer's weights on block 13's expansion, trained by {@code trainer leaf-scorer} and committed: its
   * bias then one weight per channel, whitespace-separated, {@code #} lines being comments. All zeros (the first
   * build's, before any training) weigh every position alike, so the leaf means are the plain means.
   */
  static final String LEAF_SCORER_RESOURCE = "leaf-scorer.txt";
  /** The layer the leaf scorer reads (the deepest tap) and its positions per side for a 224 x 224 image. */
  static final String LEAF_SCORER_NODE = TAP_NODES.get(2);
  static final int LEAF_SCORER_GRID = 14;
  /** Block 6's expansion has 28 x 28 positions: 2 x 2 of them make one of the scorer's 14 x 14. */
  static final int[] LEAF_CELLS = {2, 1, 1};

  private BuildBackbone() {}

  /**
   * The graphs the build ships, by file name: the served block taps (float32 and uint8 weights), the taps with the
   * whole network's features, and the whole network alone (the reference, also servable).
   */
  public static Map<String, OnnxMl.ModelProto> convert(TfjsPackage model) throws IOException {
    List<TfjsToOnnxConverter.Tap> taps = TAP_NODES.stream()
        .map(node -> new TfjsToOnnxConverter.Tap(node, TfjsToOnnxConverter.Pooling.MEAN_STD)).toList();
    List<TfjsToOnnxConverter.Output> serving = List.of(new TfjsToOnnxConverter.Output(FEATURES_OUTPUT, taps));
    TfjsToOnnxConverter.Tap whole = new TfjsToOnnxConverter.Tap(FEATURE_NODE, TfjsToOnnxConverter.Pooling.MEAN);
    List<TfjsToOnnxConverter.Output> reference = List.of(new TfjsToOnnxConverter.Output(FEATURES_OUTPUT,
        List.of(whole)));
    List<TfjsToOnnxConverter.Tap> tapsAndWhole = new java.util.ArrayList<>(taps);
    tapsAndWhole.add(whole);
    List<TfjsToOnnxConverter.Output> both = List.of(new TfjsToOnnxConverter.Output(FEATURES_OUTPUT, tapsAndWhole));
    List<TfjsToOnnxConverter.Tap> tapsAndRegions = new java.util.ArrayList<>(taps);
    for (int i = 0; i < TAP_NODES.size(); i++) {
      tapsAndRegions.add(new TfjsToOnnxConverter.Tap(TAP_NODES.get(i), TfjsToOnnxConverter.Pooling.REGION_MAX,
          TAP_REGIONS[i][0], TAP_REGIONS[i][1]));
    }
    List<TfjsToOnnxConverter.Output> regions = List.of(new TfjsToOnnxConverter.Output(FEATURES_OUTPUT,
        tapsAndRegions));
    List<TfjsToOnnxConverter.Tap> tapsAndLeaf = new java.util.ArrayList<>(taps);
    for (int i = 0; i < TAP_NODES.size(); i++) {
      tapsAndLeaf.add(new TfjsToOnnxConverter.Tap(TAP_NODES.get(i), TfjsToOnnxConverter.Pooling.LEAF_MEAN,
          LEAF_CELLS[i], LEAF_CELLS[i]));
    }
    List<TfjsToOnnxConverter.Output> leaf = List.of(new TfjsToOnnxConverter.Output(FEATURES_OUTPUT, tapsAndLeaf,
        leafScorer()));
    Map<String, OnnxMl.ModelProto> graphs = new LinkedHashMap<>();
    graphs.put(FLOAT32_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, serving));
    graphs.put(UINT8_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.UINT8, serving));
    graphs.put(REFERENCE_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, reference));
    graphs.put(TAPS_AND_WHOLE_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, both));
    graphs.put(TAPS_AND_REGIONS_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, regions));
    graphs.put(TAPS_AND_LEAF_FILE, TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, leaf));
    return graphs;
  }

  /** The committed leaf scorer ({@link #LEAF_SCORER_RESOURCE}). */
  static TfjsToOnnxConverter.LeafScorer leafScorer() throws IOException {
    try (InputStream in = BuildBackbone.class.getResourceAsStream(LEAF_SCORER_RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + LEAF_SCORER_RESOURCE + " beside " + BuildBackbone.class.getName());
      }
      List<String> numbers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .flatMap(line -> Arrays.stream(line.trim().split("\\s+"))).toList();
      float[] values = new float[numbers.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Float.parseFloat(numbers.get(i));
      }
      return new TfjsToOnnxConverter.LeafScorer(LEAF_SCORER_NODE, LEAF_SCORER_GRID,
          Arrays.copyOfRange(values, 1, values.length), values[0]);
    }
  }

  /** Reads the MobileNetV2 graph out of the npm tarball. */
  public static TfjsPackage read(Path tarball) throws IOException {
    return TfjsPackage.read(tarball, MODEL_DIR);
  }

  private static void write(OnnxMl.ModelProto onnx, Path file) throws IOException {
    byte[] bytes = onnx.toByteArray();
    String sha256 = DigestUtils.sha256Hex(bytes);
    Files.write(file, bytes);
    Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
        sha256 + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
    System.out.printf("backbone %s: %d bytes, sha256 %s%n", file, bytes.length, sha256);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BuildBackbone <nsfwjs-4.4.0.tgz> <output-dir>");
      System.exit(2);
    }
    Path tarball = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    TfjsPackage model = read(tarball);
    for (Map.Entry<String, OnnxMl.ModelProto> graph : convert(model).entrySet()) {
      write(graph.getValue(), outDir.resolve(graph.getKey()));
    }
    Files.writeString(outDir.resolve("LICENSE-nsfwjs.txt"),
        "The backbone weights come from the npm package nsfwjs@4.4.0 (" + MODEL_DIR + "),\n"
            + "MobileNetV2 1.4 224 (TF-Hub imagenet/mobilenet_v2_140_224, fine-tuned by nsfwjs).\n\n"
            + model.licenseText(),
        StandardCharsets.UTF_8);
  }
}
