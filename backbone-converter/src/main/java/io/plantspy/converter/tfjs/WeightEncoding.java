package io.plantspy.converter.tfjs;

/** How the converter stores the graph's weights in the ONNX file. */
public enum WeightEncoding {
  /** Dequantised at conversion time: plain float32 initialisers (about 4x larger file). */
  FLOAT32,
  /** The package's uint8 codes kept as they are, dequantised inside the graph (Cast, Mul, Add). */
  UINT8
}
