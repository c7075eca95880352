/**
 * The build step that turns the nsfwjs npm package into the ONNX backbones the model module ships
 * ({@link io.plantspy.converter.BuildBackbone}). Build-time only: nothing at run time may depend on this module.
 */
package io.plantspy.converter;
