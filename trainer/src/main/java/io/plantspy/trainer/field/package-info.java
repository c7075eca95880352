/**
 * The field-conditions suite: leaf masks, seeded field-like transformations of test photos (backgrounds, framing,
 * light, blur, compression, occlusion, resolution) and their evaluation against a release. Depends on
 * {@code trainer.data}, {@code trainer.embed}, {@code trainer.eval}, the model modules and the JDK's Java2D only.
 */
package io.plantspy.trainer.field;
