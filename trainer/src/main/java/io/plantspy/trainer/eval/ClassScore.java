package io.plantspy.trainer.eval;

/** Precision, recall and F1 of one class over the evaluated images, and how many images were truly of it. */
public record ClassScore(String label, double precision, double recall, double f1, int support) {}
