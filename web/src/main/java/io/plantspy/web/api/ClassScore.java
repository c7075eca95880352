package io.plantspy.web.api;

/** Precision, recall and F1 of one class on a release's own test split, and how many test images were of it. */
public record ClassScore(String label, double precision, double recall, double f1, int support) {}
