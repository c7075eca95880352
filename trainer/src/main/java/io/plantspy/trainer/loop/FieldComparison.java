package io.plantspy.trainer.loop;

import io.plantspy.trainer.field.FieldOutcome;

/**
 * Champion and challenger on the same field-conditions suite (the base dataset's test photos composited, blurred,
 * re-lit...), each as the suite's mean over its conditions. The rule compares the served answers that are right:
 * what a grower gets, {@code unknown} counting as not right.
 */
public record FieldComparison(FieldOutcome champion, FieldOutcome challenger) {

  /** Points of the suite's photos the challenger answers right beyond the champion (negative: fewer). */
  public double gainPoints() {
    return (challenger.answeredRight() - champion.answeredRight()) * 100;
  }
}
