package io.plantspy.processor.inference;

/**
 * One model call for a whole micro-batch. The topology depends on this rather than on PlantClassifier so that
 * tests can swap in a fake where the real model's answers do not matter, and so that the served release can
 * change between two batches ({@link HotSwapClassifier}).
 */
public interface BatchClassifier {

  /**
   * Diagnoses {@code count} preprocessed images stored back to back (NHWC, RGB in [0,1]): one answer per image, in
   * order, all from the one release named in the answer.
   */
  ClassifiedBatch diagnose(float[] pixels, int count);

  /** The release serving now, for the metrics of work done outside a model call (buffering, dead letters). */
  String releaseId();
}
