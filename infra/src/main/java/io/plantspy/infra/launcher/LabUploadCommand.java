package io.plantspy.infra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lab upload --label CLASS [--user lab] FILE|DIR...}: uploads photos of one class to the running platform's
 * lab API in batches, with a progress bar, and prints a summary: stored, duplicates (already there), failed, and
 * the class's lab samples afterwards. A photo the API refuses is reported and the rest of its batch sent again
 * without it; a busy or unreachable API is retried after its {@code Retry-After}.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = "Upload labelled leaf photos (files or folders) through the running platform.")
final class LabUploadCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Below the API's default plantspy.lab.max-request-size (64 MB), leaving room for the multipart envelope. */
  private static final long BATCH_BYTES = 48L * 1024 * 1024;
  private static final int TRIES = 6;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
  List<Path> inputs;

  @Option(names = "--label", required = true,
      description = "The class of every photo: Crop___Disease or Crop___healthy, e.g. Tomato___Late_blight.")
  String label;

  @Option(names = "--user", defaultValue = "lab", description = "Demo user to upload as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(names = "--batch", defaultValue = "16", description = "Photos per request (default: ${DEFAULT-VALUE}).")
  int batch;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PrintStream err = System.err;
  private final List<String> failures = new ArrayList<>();
  private int stored;
  private int duplicates;
  private int done;
  private int total;
  private long classCount = -1;

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    RenewingToken token = new RenewingToken(DemoTokens.fetch(state, user), () -> DemoTokens.fetch(state, user),
        Instant::now);
    List<LabUploadBatches.Photo> photos = photos(inputs);
    total = photos.size();
    String url = apiUrl(state) + "/api/v1/lab/samples";
    progress();
    for (List<LabUploadBatches.Photo> batch : LabUploadBatches.split(photos, Math.max(1, this.batch), BATCH_BYTES)) {
      if (!send(url, token, new ArrayList<>(batch))) {
        return 2;
      }
    }
    err.println();
    System.out.printf("%s: %d stored, %d duplicates (already there), %d failed%s%n", label, stored, duplicates,
        failures.size(), classCount < 0 ? "" : "; lab samples of " + label + " now: " + classCount);
    failures.forEach(f -> System.out.println("  failed: " + f));
    return failures.isEmpty() ? 0 : 1;
  }

  /** Sends one batch, dropping photos the API refuses; false when nothing more can succeed (bad label, refused). */
  private boolean send(String url, RenewingToken token, List<LabUploadBatches.Photo> batch) throws Exception {
    for (int attempt = 1; !batch.isEmpty(); attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request(url, token.get(), batch), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt < TRIES) {
          Thread.sleep(Duration.ofSeconds(attempt).toMillis());
          continue;
        }
        fail(batch, "cannot reach the API: " + e.getMessage());
        return true;
      }
      JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      int status = response.statusCode();
      if (status == 201) {
        stored += body.path("stored").size();
        duplicates += body.path("duplicates").size();
        classCount = body.path("counts").path(label).asLong(0);
        done += batch.size();
        progress();
        return true;
      }
      String detail = body.path("detail").asString("HTTP " + status);
      if (body.has("part")) {
        // That photo is refused (bad, too big): report it, send the others again.
        LabUploadBatches.Photo refused = batch.remove(body.path("part").asInt() - 1);
        fail(List.of(refused), detail);
        continue;
      }
      if ((status == 429 || status == 503 || status == 409) && attempt < TRIES) {
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
        continue;
      }
      if (status == 413 && batch.size() > 1) {
        // The batch as a whole is too big for this API: halves.
        List<LabUploadBatches.Photo> first = new ArrayList<>(batch.subList(0, batch.size() / 2));
        List<LabUploadBatches.Photo> second = new ArrayList<>(batch.subList(batch.size() / 2, batch.size()));
        return send(url, token, first) && send(url, token, second);
      }
      if (status == 400 || status == 401 || status == 403) {
        // The label or the caller is refused: no other batch would fare better.
        err.println();
        System.err.println("refused: " + detail);
        return false;
      }
      fail(batch, detail);
      return true;
    }
    return true;
  }

  private void fail(List<LabUploadBatches.Photo> photos, String why) {
    photos.forEach(p -> failures.add(p.path() + ": " + why));
    done += photos.size();
    progress();
  }

  private void progress() {
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " photos");
    err.flush();
  }

  private HttpRequest request(String url, String token, List<LabUploadBatches.Photo> batch) throws IOException {
    String boundary = "plantspy-" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    parts.add(field(boundary, "label", label));
    for (LabUploadBatches.Photo photo : batch) {
      Path path = Path.of(photo.path());
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
          + path.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      parts.add(Files.readAllBytes(path));
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    // One array, so the request declares its Content-Length: a chunked body is budgeted by the API at its cap.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    parts.forEach(body::writeBytes);
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  private static byte[] field(String boundary, String name, String value) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String apiUrl(StateFolder state) throws IOException {
    var platform = state.platform();
    return "http://" + platform.map(PlatformState::host).orElse(PlatformSettings.DEFAULT_HOST) + ":"
        + platform.map(p -> p.port(ApiService.PORT)).orElse(ApiService.PORT.defaultPort());
  }

  /** Files as given, folders walked (sorted), each once. */
  static List<LabUploadBatches.Photo> photos(List<Path> inputs) throws IOException {
    Map<Path, LabUploadBatches.Photo> all = new LinkedHashMap<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> files = Files.walk(input)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            all.putIfAbsent(file.normalize(), new LabUploadBatches.Photo(file.toString(), Files.size(file)));
          }
        }
      } else {
        all.putIfAbsent(input.normalize(), new LabUploadBatches.Photo(input.toString(), Files.size(input)));
      }
    }
    return List.copyOf(all.values());
  }
}
