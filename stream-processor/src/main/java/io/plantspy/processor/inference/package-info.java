/**
 * The classifier the topology calls for a batch of preprocessed images: one loaded release
 * ({@link io.plantspy.processor.inference.ReleaseClassifier}) or the hot-swappable holder of the served one
 * ({@link io.plantspy.processor.inference.HotSwapClassifier}). Depends on the model module and
 * {@code processor.config}.
 */
package io.plantspy.processor.inference;
