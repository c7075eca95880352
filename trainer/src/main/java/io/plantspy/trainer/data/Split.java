package io.plantspy.trainer.data;

/** The three disjoint parts of a dataset. */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST
}
