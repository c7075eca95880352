package io.plantspy.model.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the build puts the converted backbone: on the classpath of the model jar, under {@code backbone/}.
 * The files are rebuilt from the npm package by every build (the backbone-converter module's
 * {@code BuildBackbone}, which writes them under these names) and never committed.
 */
public final class BackboneFiles {

  public static final String INPUT = "image";
  public static final String FEATURES_OUTPUT = "features";
  /** Mean and std of three MobileNetV2 layers: 2 x (288 + 528 + 816). */
  public static final int FEATURE_DIM = 3264;
  /** The whole MobileNetV2 up to its 1792-d pooled features, kept to prove the conversion against TF.js. */
  public static final String REFERENCE_FILE = "mobilenet_v2_140_224_pooled1792.onnx";
  public static final int REFERENCE_FEATURE_DIM = 1792;
  public static final int IMAGE_SIZE = 224;

  private static final String RESOURCE_DIR = "backbone/";

  private BackboneFiles() {}

  public static String fileName(boolean uint8) {
    return uint8 ? "plantspy-backbone-mnv2-uint8.onnx" : "plantspy-backbone-mnv2.onnx";
  }

  /** The served backbone (float32 or uint8 weights) as bytes from the classpath. */
  public static byte[] load(boolean uint8) {
    return loadResource(fileName(uint8));
  }

  public static byte[] loadResource(String fileName) {
    String resource = RESOURCE_DIR + fileName;
    try (InputStream in = BackboneFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("backbone " + resource + " is not on the classpath: build the model"
            + " module first (./mvnw -pl model -am package), it converts the backbone from the npm package");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
