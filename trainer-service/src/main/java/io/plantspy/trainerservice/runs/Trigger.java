package io.plantspy.trainerservice.runs;

/** Why a run was queued. */
public enum Trigger {
  /** Enough new live lab samples since the last run. */
  SAMPLES,
  /** The cron schedule. */
  SCHEDULE,
  /** An admin asked (REST or {@code ./plantspy retrain}). */
  DEMAND
}
