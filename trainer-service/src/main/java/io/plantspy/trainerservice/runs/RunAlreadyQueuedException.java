package io.plantspy.trainerservice.runs;

import io.plantspy.trainerservice.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** A run was asked for while another one waits: 409, naming the waiting run. */
public class RunAlreadyQueuedException extends ApiProblem {

  private static final long serialVersionUID = 1L;

  private final String queuedRunId;

  RunAlreadyQueuedException(TrainingRun queued) {
    super(HttpStatus.CONFLICT, "run-already-queued", "A run is already queued",
        "training run " + queued.id() + " (" + queued.trigger() + ", requested by " + queued.requestedBy()
            + ") is already queued; follow it at /api/v1/admin/training-runs/" + queued.id());
    this.queuedRunId = queued.id();
    getBody().setProperty("queuedRun", queued.id());
  }

  public String queuedRunId() {
    return queuedRunId;
  }
}
