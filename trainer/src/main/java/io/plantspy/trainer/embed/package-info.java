/**
 * Backbone features of dataset images (with training-time augmentations), through an on-disk cache. Depends on
 * {@code trainer.data} and the model modules' preprocessing and backbone.
 */
package io.plantspy.trainer.embed;
