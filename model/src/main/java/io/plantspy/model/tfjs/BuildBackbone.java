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

  private BuildBackbone() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BuildBackbone <nsfwjs-4.4.0.tgz> <output-dir>");
      System.exit(2);
    }
    Path tarball = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    Files.createDirectories(outDir);
    TfjsPackage model = TfjsPackage.read(tarball, MODEL_DIR);
    List<TfjsToOnnxConverter.Output> outputs =
        List.of(new TfjsToOnnxConverter.Output(BackboneFiles.FEATURES_OUTPUT, FEATURE_NODE));
    for (WeightEncoding encoding : WeightEncoding.values()) {
      OnnxMl.ModelProto onnx = TfjsToOnnxConverter.convert(model, encoding, outputs);
      Path file = outDir.resolve(BackboneFiles.fileName(encoding == WeightEncoding.UINT8));
      byte[] bytes = onnx.toByteArray();
      Files.write(file, bytes);
      Files.writeString(outDir.resolve(file.getFileName() + ".sha256"),
          Sha256.hex(bytes) + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
      System.out.printf("backbone %s: %d bytes, sha256 %s%n", file, bytes.length, Sha256.hex(bytes));
    }
    Files.writeString(outDir.resolve("LICENSE-nsfwjs.txt"),
        "The backbone weights come from the npm package nsfwjs@4.4.0 (" + MODEL_DIR + "),\n"
            + "MobileNetV2 1.4 224 (TF-Hub imagenet/mobilenet_v2_140_224, fine-tuned by nsfwjs).\n\n"
            + model.licenseText(),
        StandardCharsets.UTF_8);
  }
}
