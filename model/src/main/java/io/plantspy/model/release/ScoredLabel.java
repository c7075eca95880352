package io.plantspy.model.release;

/** An answer with its confidence (a probability in [0, 1]). */
public record ScoredLabel(String label, double confidence) {}
