package io.plantspy.model.release;

/** One label of a {@link ClassifierAnswer} with its confidence (a probability in [0, 1]). */
public record LabelConfidence(String label, double confidence) {}
