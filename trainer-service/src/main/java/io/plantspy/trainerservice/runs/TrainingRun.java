package io.plantspy.trainerservice.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One training run ({@code training_runs}): why and by whom it was asked for, its status and progress, what it
 * trained on (seed and the sha256 of every lab sample: with the base dataset, what makes it reproducible), and its
 * outcome or the reason it failed.
 *
 * @param labSampleSha256s left out of the JSON when empty, as in a page of runs, which does not carry them
 * @param failure why it failed ({@code INTERRUPTED: ...} for a run a crash left RUNNING); null otherwise
 */
@Document("training_runs")
public record TrainingRun(
    @Id String id,
    Trigger trigger,
    String requestedBy,
    RunStatus status,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    Progress progress,
    Long seed,
    Integer labSampleCount,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> labSampleSha256s,
    String failure,
    RunResult outcome) {

  public TrainingRun {
    labSampleSha256s = labSampleSha256s == null ? List.of() : List.copyOf(labSampleSha256s);
  }

  static TrainingRun queued(String id, Trigger trigger, String requestedBy, Instant at) {
    return new TrainingRun(id, trigger, requestedBy, RunStatus.QUEUED, at, null, null,
        new Progress("queued", 0, "waiting for the worker"), null, null, List.of(), null, null);
  }

  /** Where a run is: a phase, the share of the run done (0..1), a line for people. */
  public record Progress(String phase, double fraction, String detail) {}
}
