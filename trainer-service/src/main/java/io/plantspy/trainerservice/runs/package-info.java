/**
 * Training runs: collection {@code training_runs}, the single worker that runs them one at a time (at most one
 * queued), the triggers (new lab samples past a threshold, a cron schedule, an admin's demand), crash recovery,
 * and the admin endpoints on runs. A run drives the trainer's {@code loop} through the {@link
 * io.plantspy.trainerservice.runs.ChallengerTrainer} port. Depends on {@code lab}, {@code registry},
 * {@code problem}, the trainer's {@code loop} and Spring Data MongoDB.
 */
package io.plantspy.trainerservice.runs;
