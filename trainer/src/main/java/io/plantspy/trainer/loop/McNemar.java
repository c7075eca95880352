package io.plantspy.trainer.loop;

/**
 * McNemar's test on the evaluation images one model answered right and the other wrong.
 *
 * @param championOnly images only the champion answered right (b)
 * @param challengerOnly images only the challenger answered right (c)
 * @param pValue two-sided p-value: exact binomial when b + c is small, else chi-squared with continuity correction
 * @param method {@code exact-binomial} or {@code chi-squared-corrected}
 */
public record McNemar(int championOnly, int challengerOnly, double pValue, String method) {}
