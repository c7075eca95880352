package io.plantspy.infra.launcher;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs results ID [--csv]}: a job's results to standard output as they stream, JSONL or CSV. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Print a job's results (JSONL or CSV).")
final class JobsResultsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "ID")
  String id;

  @Option(names = "--csv", description = "CSV with a header line instead of JSONL.")
  boolean csv;

  @Option(names = "--user", defaultValue = "grower", description = "Demo user (default: ${DEFAULT-VALUE}).")
  String user;

  @Override
  public Integer call() throws Exception {
    JobsApi api = new JobsApi(user);
    HttpResponse<InputStream> response = api.send(api.request(JobsApi.PATH + "/" + id + "/results")
        .header("Accept", csv ? "text/csv" : "application/x-ndjson").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        System.err.println("HTTP " + response.statusCode() + ": " + new String(body.readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8));
        return 1;
      }
      body.transferTo(System.out);
    }
    System.out.flush();
    return 0;
  }
}
