package io.plantspy.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A training run as the trainer service shows it: why and by whom it was asked for, where it is, and its outcome
 * (the challenger against the champion, and the decision) once it has finished.
 *
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param failure why it failed; null otherwise
 */
public record TrainingRun(String id, String trigger, String requestedBy, String status, Instant queuedAt,
    Instant startedAt, Instant finishedAt, Progress progress, Long seed, Integer labSampleCount, String failure,
    Outcome outcome) {

  /** Still to finish: its page keeps asking for news. */
  public boolean active() {
    return "QUEUED".equals(status) || "RUNNING".equals(status);
  }

  /** Where a run is: a phase, the share done (0 to 1), a line for people. */
  public record Progress(String phase, double fraction, String detail) {}

  /**
   * A finished run: the challenger release, both models' top-1 on the same evaluation images, each class's
   * recall, McNemar's test and the decision with its reasons.
   */
  public record Outcome(String challengerReleaseId, int evaluationImages, double championTop1,
      double challengerTop1, List<ClassRow> classes, McNemar mcnemar, boolean promoted, List<String> reasons) {

    public Outcome {
      classes = classes == null ? List.of() : List.copyOf(classes);
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  /** One class's recall for both models; {@code championRecall} null for a class new to the challenger. */
  public record ClassRow(String label, int images, Double championRecall, double challengerRecall) {

    /** The challenger's recall minus the champion's, null for a new class. */
    public Double change() {
      return championRecall == null ? null : challengerRecall - championRecall;
    }
  }

  /** Discordant pairs: only the champion right, only the challenger right; the test's p-value. */
  public record McNemar(int championOnly, int challengerOnly, double pValue, String method) {}
}
