package io.plantspy.trainerservice.runs;

import java.util.List;

/** One page of runs, newest first, with the total count; each without its list of sample sha256s. */
public record RunPage(List<TrainingRun> runs, int page, int size, long total) {}
