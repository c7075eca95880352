/**
 * Training a release: the Tribuo head, its ONNX export with the standardisation folded in, the class-distance
 * model, the open-set thresholds, and the release folder with its model card. Depends on Tribuo, EJML (linear
 * algebra), the ONNX protobuf classes, the model module and the other trainer packages.
 */
package io.plantspy.trainer.fit;
