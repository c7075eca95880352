package io.plantspy.infra.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code retrain [--user admin] [--wait] [--json]}: asks the trainer service for a training run; with {@code --wait}
 * follows it with a progress bar until it ends and prints its outcome (challenger, both top-1s, the decision and its
 * reasons), or the run as JSON. Exit 0 when queued (or, waiting, when it succeeded), 1 otherwise.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
    description = "Start a training run on the running platform (realm role admin).")
final class RetrainCommand implements Callable<Integer> {

  private static final Duration POLL = Duration.ofSeconds(2);

  @Option(names = "--user", defaultValue = "admin", description = "Demo user to ask as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--wait", description = "Follow the run until it ends.")
  boolean waitForIt;

  @Option(names = "--json", description = "Print the run as JSON.")
  boolean json;

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    TrainerApi api = TrainerApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user);
    TrainerApi.Answer asked = api.post(TrainerApi.RUNS);
    if (!asked.ok()) {
      err.println("no run started: " + asked.detail());
      return 1;
    }
    String id = asked.body().path("id").asString();
    if (!waitForIt) {
      out.println(json ? asked.body().toString() : "training run " + id + " queued; follow it at GET "
          + TrainerApi.RUNS + "/" + id + " (or start runs with --wait)");
      return 0;
    }
    JsonNode run = asked.body();
    while (!finished(run)) {
      Thread.sleep(POLL.toMillis());
      TrainerApi.Answer answer = api.get(TrainerApi.RUNS + "/" + id);
      if (!answer.ok()) {
        err.println();
        err.println("cannot follow run " + id + ": " + answer.detail());
        return 1;
      }
      run = answer.body();
      progress(run);
    }
    err.println();
    if (json) {
      out.println(run.toString());
    } else {
      summary(run);
    }
    return "SUCCEEDED".equals(run.path("status").asString()) ? 0 : 1;
  }

  private static boolean finished(JsonNode run) {
    String status = run.path("status").asString();
    return "SUCCEEDED".equals(status) || "FAILED".equals(status);
  }

  private void progress(JsonNode run) {
    JsonNode progress = run.path("progress");
    double fraction = Math.max(0, Math.min(1, progress.path("fraction").asDouble(0)));
    int width = 30;
    int filled = (int) Math.round(fraction * width);
    String detail = progress.path("detail").asString("");
    err.print("\r\033[K[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
        + String.format(Locale.ROOT, "%3.0f%% ", fraction * 100) + run.path("status").asString() + " "
        + progress.path("phase").asString("") + (detail.isEmpty() ? "" : ": " + detail));
    err.flush();
  }

  private void summary(JsonNode run) {
    out.println("training run " + run.path("id").asString() + ": " + run.path("status").asString());
    if (!run.path("failure").isMissingNode() && !run.path("failure").isNull()) {
      out.println("  failed: " + run.path("failure").asString());
      return;
    }
    JsonNode outcome = run.path("outcome");
    out.printf(Locale.ROOT, "  challenger %s on %d evaluation images: top-1 %.4f (champion %.4f)%n",
        outcome.path("challengerReleaseId").asString(), outcome.path("evaluationImages").asInt(),
        outcome.path("challengerTop1").asDouble(), outcome.path("championTop1").asDouble());
    out.println("  " + (outcome.path("promoted").asBoolean() ? "PROMOTED: now served as champion"
        : "not promoted: the champion stays"));
    for (JsonNode reason : outcome.path("reasons")) {
      out.println("    - " + reason.asString());
    }
  }
}
