/**
 * ONNX Runtime at run time: the one owner of sessions ({@link io.plantspy.model.runtime.OnnxModel}), the backbone
 * graphs the build converted into this jar ({@link io.plantspy.model.runtime.BackboneGraph}), inference options and
 * sha256 digests. Depends on ONNX Runtime and SLF4J only.
 */
package io.plantspy.model.runtime;
