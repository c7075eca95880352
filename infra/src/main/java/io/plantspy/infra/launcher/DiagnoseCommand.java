package io.plantspy.infra.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code diagnose [--user USER] [--json] FILE|DIR|URL...}: sends each image to the running platform's API as a
 * demo user, waits for the answer and prints it (the answers that user's roles allow).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
    description = "Diagnose leaf photos (files, folders or http(s) URLs) through the running platform.")
final class DiagnoseCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL")
  List<String> inputs;

  @Option(names = "--user", defaultValue = "grower", description = "Demo user to ask as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Option(names = "--wait", defaultValue = "30s", description = "How long the API may wait for each answer.")
  String wait;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    PlatformApi api = PlatformApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user);
    int failures = 0;
    for (String input : expand(inputs)) {
      HttpResponse<String> response;
      try {
        response = http.send(request(api, input), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        failures++;
        print(input, null, "cannot reach the API: " + e.getMessage());
        continue;
      }
      JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      if (response.statusCode() == 200 && !body.has("error")) {
        print(input, body, null);
      } else {
        failures++;
        String detail = body.path("detail").asString(body.path("error").path("message").asString(
            response.statusCode() == 202 ? "not answered within " + wait : "HTTP " + response.statusCode()));
        print(input, body, detail);
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private HttpRequest request(PlatformApi api, String input) throws IOException {
    String query = "?wait=" + wait;
    if (input.startsWith("http://") || input.startsWith("https://")) {
      return api.submitUrl(input, query);
    }
    Path file = Path.of(input);
    return api.upload(Files.readAllBytes(file), file.getFileName().toString(), query);
  }

  private void print(String input, JsonNode result, String error) {
    if (json) {
      ObjectNode line = JSON.createObjectNode().put("input", input);
      if (error != null) {
        line.put("error", error);
      } else {
        line.put("class", result.path("predictedClass").asString(null));
        for (String answer : List.of("category", "health", "disease")) {
          if (result.has(answer)) {
            line.set(answer, result.get(answer));
          }
        }
        line.put("unknown", result.path("unknown").asBoolean());
        line.put("modelRelease", result.path("modelRelease").asString(null));
      }
      System.out.println(line);
      return;
    }
    if (error != null) {
      System.out.println(input + ": error: " + error);
    } else if (result.path("unknown").asBoolean()) {
      System.out.println(input + ": unknown (not a leaf the model knows)");
    } else {
      StringBuilder text = new StringBuilder(input).append(':');
      for (String answer : List.of("category", "health", "disease")) {
        if (result.has(answer)) {
          text.append(String.format(Locale.ROOT, " %s %s (%.2f)", answer, result.get(answer).path("label").asString(),
              result.get(answer).path("confidence").asDouble()));
        }
      }
      System.out.println(text);
    }
  }

  private static List<String> expand(List<String> inputs) throws IOException {
    List<String> all = new ArrayList<>();
    for (String input : inputs) {
      Path path = input.contains("://") ? null : Path.of(input);
      if (path != null && Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(Files::isRegularFile).sorted().map(Path::toString).forEach(all::add);
        }
      } else {
        all.add(input);
      }
    }
    return all;
  }
}
