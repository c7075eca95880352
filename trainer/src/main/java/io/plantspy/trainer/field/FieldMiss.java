package io.plantspy.trainer.field;

import io.plantspy.trainer.data.LabelledImage;

/** A suite photo the release answered with a wrong class (not {@code unknown}). */
public record FieldMiss(LabelledImage image, FieldCondition condition, int severity, String answered) {}
