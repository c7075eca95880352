/**
 * Reading a TF.js graph model from an npm tarball (topology, weight shards, uint8 quantisation) and converting the
 * sub-graph up to chosen layers into ONNX. Depends on Jackson, commons-compress and {@code converter.onnx}.
 */
package io.plantspy.converter.tfjs;
