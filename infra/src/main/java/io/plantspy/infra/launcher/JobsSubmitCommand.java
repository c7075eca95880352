package io.plantspy.infra.launcher;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code jobs submit [--user U] DIR|FILE.jsonl|FILE.zip [--wait]}: sends a folder (zipped on the fly, streamed),
 * a zip archive or a JSONL file as one job, with an Idempotency-Key; with {@code --wait}, follows it with a progress
 * bar fed by the job's counts until it ends, then prints its counts.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a folder of photos, a zip archive or a JSONL file of URLs as one bulk job.")
final class JobsSubmitCommand implements Callable<Integer> {

  private static final Set<String> ENDED = Set.of("completed", "failed", "cancelled", "expired");

  @Parameters(index = "0", paramLabel = "DIR|FILE.jsonl|FILE.zip")
  Path input;

  @Option(names = "--user", defaultValue = "grower",
      description = "Demo user to submit as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--wait", description = "Follow the job with a progress bar until it ends.")
  boolean waitForIt;

  private final PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    JobsApi api = new JobsApi(user);
    HttpRequest.Builder request = api.request(JobsApi.PATH).timeout(Duration.ofHours(1))
        .header("Idempotency-Key", "cli-" + UUID.randomUUID());
    if (Files.isDirectory(input)) {
      List<Path> files = FolderZip.files(input);
      err.println("Sending " + files.size() + " photos of " + input + " as a zip archive ...");
      request.header("Content-Type", "application/zip")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
              return FolderZip.stream(input, files);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }));
    } else {
      String name = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      String type = name.endsWith(".zip") ? "application/zip" : "application/x-ndjson";
      request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofFile(input));
    }
    JsonNode job = JobsApi.answer(api.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    String id = job.path("id").asString();
    System.out.println(id);
    if (!waitForIt) {
      err.println("Job " + id + " " + job.path("status").asString() + ": " + job.path("counts"));
      return 0;
    }
    while (!ENDED.contains(job.path("status").asString())) {
      progress(job);
      Thread.sleep(1000);
      job = api.json(api.request(JobsApi.PATH + "/" + id).GET().build());
    }
    progress(job);
    err.println();
    JsonNode counts = job.path("counts");
    err.printf("Job %s %s: %d items, %d completed, %d failed, %d cancelled%s%n", id, job.path("status").asString(),
        counts.path("total").asLong(), counts.path("completed").asLong(), counts.path("failed").asLong(),
        counts.path("cancelled").asLong(), job.has("error") ? " (" + job.path("error").path("message").asString()
            + ")" : "");
    err.println("Results: ./plantspy jobs results " + id + " [--csv]");
    return "completed".equals(job.path("status").asString()) ? 0 : 1;
  }

  private void progress(JsonNode job) {
    JsonNode counts = job.path("counts");
    long total = counts.path("total").asLong();
    long finished = counts.path("completed").asLong() + counts.path("failed").asLong()
        + counts.path("cancelled").asLong();
    int width = 30;
    int filled = total == 0 ? 0 : (int) (finished * width / total);
    err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + finished + "/" + total + " items "
        + job.path("status").asString() + "   ");
    err.flush();
  }
}
