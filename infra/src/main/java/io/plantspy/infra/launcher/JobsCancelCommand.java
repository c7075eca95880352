package io.plantspy.infra.launcher;

import java.net.http.HttpRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code jobs cancel ID}: cancels a job; finished items are kept. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job (finished items are kept).")
final class JobsCancelCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID")
  String id;

  @Option(names = "--user", defaultValue = "grower", description = "Demo user (default: ${DEFAULT-VALUE}).")
  String user;

  @Override
  public Integer call() throws Exception {
    JobsApi api = new JobsApi(user);
    JsonNode job = api.json(api.request(JobsApi.PATH + "/" + id + "/cancel")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    System.out.println(job.path("id").asString() + " " + job.path("status").asString() + " " + job.path("counts"));
    return 0;
  }
}
