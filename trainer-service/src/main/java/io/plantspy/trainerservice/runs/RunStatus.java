package io.plantspy.trainerservice.runs;

/** Where a run is in its life: queued, running, then finished one way or the other. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED
}
