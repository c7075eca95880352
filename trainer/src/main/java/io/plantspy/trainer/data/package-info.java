/**
 * Labelled dataset folders and their reproducible, content-keyed train / validation / test split. Depends only on
 * {@code model.runtime} (for sha256).
 */
package io.plantspy.trainer.data;
