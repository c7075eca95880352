package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code jobs list}: your newest jobs, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List your jobs, newest first.")
final class JobsListCommand implements Callable<Integer> {

  @Option(names = "--user", defaultValue = "grower", description = "Demo user (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--size", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  public Integer call() throws Exception {
    JobsApi api = new JobsApi(user);
    JsonNode page = api.json(api.request(JobsApi.PATH + "?size=" + size).GET().build());
    for (JsonNode job : page.path("items")) {
      JsonNode c = job.path("counts");
      System.out.printf("%s  %-11s  %d/%d done (%d failed, %d cancelled)  %s%n", job.path("id").asString(),
          job.path("status").asString(), c.path("completed").asLong() + c.path("failed").asLong()
              + c.path("cancelled").asLong(), c.path("total").asLong(), c.path("failed").asLong(),
          c.path("cancelled").asLong(), job.path("createdAt").asString());
    }
    return 0;
  }
}
