package io.plantspy.trainer.loop;

import io.plantspy.trainer.data.LabelledImage;

/** One evaluation image and whether each model answered it right. */
public record PairedAnswer(LabelledImage image, boolean championCorrect, boolean challengerCorrect) {}
