/**
 * Model releases: their {@code release.json}, loading one into a classifier checked against the backbone, and the
 * open-set rule that turns probabilities into the answers the product gives. Depends on {@code model.runtime},
 * {@code model.taxonomy} and Jackson.
 */
package io.plantspy.model.release;
