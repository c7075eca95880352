package io.plantspy.trainer.loop;

/**
 * Where a run is, for its status page: a phase ({@code preparing}, {@code embedding}, {@code training},
 * {@code evaluating}, {@code deciding}), the share of the whole run done (0..1) and a line for people.
 */
public record RunProgress(String phase, double fraction, String detail) {}
