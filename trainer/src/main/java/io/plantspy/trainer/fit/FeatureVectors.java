package io.plantspy.trainer.fit;

import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;

/**
 * Backbone feature vectors as Tribuo examples. Feature names are zero-padded indices ({@code f00000}…),
 * because Tribuo orders features by name: this keeps feature id == vector index, which is the column order
 * of the exported ONNX head's input.
 */
public final class FeatureVectors {

  private FeatureVectors() {}

  public static String[] names(int dimension) {
    String[] names = new String[dimension];
    for (int i = 0; i < dimension; i++) {
      names[i] = String.format("f%05d", i);
    }
    return names;
  }

  public static ArrayExample<Label> example(String label, String[] names, float[] vector) {
    double[] values = new double[vector.length];
    for (int i = 0; i < vector.length; i++) {
      values[i] = vector[i];
    }
    return new ArrayExample<>(new Label(label), names, values);
  }
}
