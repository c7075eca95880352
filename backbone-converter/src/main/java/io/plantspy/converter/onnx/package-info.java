/**
 * Small helpers for writing ONNX graphs with the ONNX protobuf classes (from tribuo-onnx). Depends on those classes
 * only.
 */
package io.plantspy.converter.onnx;
