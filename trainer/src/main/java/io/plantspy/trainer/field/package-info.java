/**
 * The field-conditions suite: leaf masks, seeded field-like transformations of test photos (backgrounds, framing,
 * light, blur, compression, occlusion, resolution) and their evaluation against a release; the same transformations
 * as training views; and the leaf scorer of the leaf-weighted backbone graph, trained on composites whose leaf
 * position is known. Depends on {@code trainer.data}, {@code trainer.embed}, {@code trainer.eval},
 * {@code trainer.fit} (feature vectors, standardisation), Tribuo, the model modules and the JDK's Java2D.
 */
package io.plantspy.trainer.field;
