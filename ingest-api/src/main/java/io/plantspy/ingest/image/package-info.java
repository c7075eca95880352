/**
 * Image vetting for uploads and fetched URLs: the header-level checks of {@code model-image}'s
 * {@code ImageInspector} under the configured limits. No decoding of pixels, no ONNX Runtime.
 */
package io.plantspy.ingest.image;
