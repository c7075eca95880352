/**
 * The classifier the topology calls for a batch of preprocessed images, backed by a model release. Depends on the
 * model module and {@code processor.config}.
 */
package io.plantspy.processor.inference;
