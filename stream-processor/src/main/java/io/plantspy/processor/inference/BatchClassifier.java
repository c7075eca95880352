package io.plantspy.processor.inference;

import io.plantspy.model.release.ClassifierAnswer;
import java.util.List;

/**
 * One model call for a whole micro-batch. The topology depends on this rather than on PlantClassifier so that
 * tests can swap in a fake where the real model's answers do not matter.
 */
public interface BatchClassifier {

  /** Diagnoses {@code count} preprocessed images stored back to back (NHWC, RGB in [0,1]); one per image, in order. */
  List<ClassifierAnswer> diagnose(float[] pixels, int count);

  /** The model release that answers, recorded in every result and metric. */
  String releaseId();
}
