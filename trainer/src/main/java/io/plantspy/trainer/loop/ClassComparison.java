package io.plantspy.trainer.loop;

/**
 * One class's recall on the common evaluation images for both models; {@code championRecall} is NaN for a class
 * the champion does not know.
 */
public record ClassComparison(String label, int images, double championRecall, double challengerRecall) {}
