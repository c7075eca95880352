package io.plantspy.trainer.eval;

import io.plantspy.trainer.data.LabelledImage;

/** An evaluated image: its true label and the head's probabilities (columns in the release's label order). */
public record ScoredImage(LabelledImage image, float[] probabilities) {}
