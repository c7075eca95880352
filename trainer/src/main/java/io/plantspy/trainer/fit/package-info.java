/**
 * Training a release: the Tribuo head, its ONNX export with the standardisation folded in, the open-set
 * threshold, and the release folder with its model card. Depends on Tribuo, the ONNX protobuf classes, the model
 * module and the other trainer packages.
 */
package io.plantspy.trainer.fit;
