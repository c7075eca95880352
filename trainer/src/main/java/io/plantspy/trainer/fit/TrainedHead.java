package io.plantspy.trainer.fit;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * A classification head as the trainer holds it after training, whatever its kind: the Java forward pass the
 * exported graph must match, and the export itself (input: standardised features, output: probabilities).
 */
public interface TrainedHead {

  /** The labels in output-column order. */
  List<String> labels();

  /** Class probabilities of one standardised feature vector, computed by the trainer (not ONNX Runtime). */
  double[] probabilities(float[] standardized);

  /** The head as an ONNX graph with one input (standardised features) and one output (probabilities). */
  OnnxMl.ModelProto exportOnnx(int dimension);

  /** One line for the release's training section: what the head is and how it was trained. */
  String description();
}
