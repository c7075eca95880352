package io.plantspy.ingest.job;

import java.util.List;
import java.util.Locale;

/**
 * Where a job stands, with the batch APIs' names: {@code validating} while its body is read and its items recorded,
 * {@code in_progress} once every item is recorded (and being published), {@code completed} when every item is
 * finished, {@code failed} when the body was refused (no item published), {@code cancelling} then {@code cancelled}
 * after a cancel, {@code expired} when its window passed first.
 */
public enum JobStatus {
  VALIDATING, IN_PROGRESS, COMPLETED, FAILED, CANCELLING, CANCELLED, EXPIRED;

  /** The statuses of a job that still counts against its owner's open jobs. */
  static final List<JobStatus> OPEN = List.of(VALIDATING, IN_PROGRESS, CANCELLING);

  /** The statuses a job ends in, each announced once as a {@code job.<status>} event. */
  static final List<JobStatus> TERMINAL = List.of(COMPLETED, FAILED, CANCELLED, EXPIRED);

  /** The name clients see: lower case, as in {@code in_progress}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
