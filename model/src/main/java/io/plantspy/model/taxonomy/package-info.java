/**
 * What a class label means: crop, health and disease parsed from {@code Crop___Disease} names. Plain Java, depends
 * on nothing.
 */
package io.plantspy.model.taxonomy;
