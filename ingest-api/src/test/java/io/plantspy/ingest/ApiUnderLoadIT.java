package io.plantspy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.testsupport.TestMongo;
import io.plantspy.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The real application jar in its own JVM, with the heap the launcher gives it (read from ApiService), under the
 * loads of issue 8: 64 concurrent 20 MB uploads, then 2,000 concurrent waiting requests. It must stay alive
 * (an OutOfMemoryError ends it: -XX:+ExitOnOutOfMemoryError), answer every request with a deliberate status (no
 * 500) and be healthy afterwards; a request that stalls mid-body is cut off by the read timeout. Loopback only;
 * the heap figures from its GC log (and full collections asked for with jcmd) go to target/api-under-load.txt,
 * and a class histogram taken while the waiters wait to target/api-under-load-histogram.txt, for RELIABILITY.md.
 */
class ApiUnderLoadIT {

  private static final int UPLOADS = 64;
  private static final int UPLOAD_BYTES = 20 * 1024 * 1024 - 4096;
  private static final int WAITERS = 2_000;
  private static final int WAITER_CALLERS = 20;
  private static final String BOUNDARY = "load-boundary";

  private static EmbeddedKafkaKraftBroker kafka;
  private static Process api;
  private static String base;
  private static Path gcLog;
  private static String heap;
  private static HttpClient http;
  private static WebClient load;

  @BeforeAll
  static void start() throws Exception {
    heap = launcherHeap();
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "plantspy.diagnosis.requests", "plantspy.diagnosis.results");
    kafka.afterPropertiesSet();
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path target = Path.of("target");
    gcLog = target.resolve("api-under-load-gc.log");
    Files.deleteIfExists(gcLog);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    api = new ProcessBuilder(java, heap, "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError",
        "-Xlog:gc:file=" + gcLog.toAbsolutePath(),
        "-jar", System.getProperty("api.jar"),
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
        "--spring.mongodb.uri=" + TestMongo.uri(),
        "--plantspy.security.issuer-uri=" + TestTokens.ISSUER,
        "--plantspy.security.jwk-set-uri=" + TestTokens.jwksUri(),
        // Shorter than the 20 s default so the stalled request below is cut off sooner, yet long enough that an
        // accepted upload the busy API stops reading for a while (a slow claim-check write on two shared cores,
        // with a build running beside it) is not taken for a stalled client: 5 s was, once in a CI run.
        "--plantspy.limits.read-timeout=12s",
        "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(target.resolve("api-under-load.log").toFile())
        .start();
    base = "http://127.0.0.1:" + port;
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
    // Reactor Netty's client takes a response that comes before the request body is sent (a refusal), where the
    // JDK client of Java 17 waits for ever with Expect: 100-continue.
    load = WebClient.builder().baseUrl(base)
        .clientConnector(new ReactorClientHttpConnector(reactor.netty.http.client.HttpClient.create(
            ConnectionProvider.builder("load").maxConnections(WAITERS + UPLOADS).pendingAcquireMaxCount(-1).build())
            .responseTimeout(Duration.ofSeconds(120))))
        .codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024))
        .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!ready()) {
      assertThat(api.isAlive()).as("the API process is running").isTrue();
      assertThat(System.nanoTime()).as("the API ready within 90 s").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.destroy();
      if (!api.waitFor(20, TimeUnit.SECONDS)) {
        api.destroyForcibly();
      }
    }
    if (kafka != null) {
      kafka.destroy();
    }
  }

  @Test
  void survivesConcurrentLargeUploadsAndThousandsOfWaitersWithinTheLaunchersHeap() throws Exception {
    String baseline = liveAfterFullGc();
    int startup = gcLines().size();
    Map<String, Integer> uploads = uploads();
    assertAlive("64 concurrent 20 MB uploads");
    int afterUploads = gcLines().size();
    List<CompletableFuture<String>> waiting = waiters();
    // Half-way through their 20 s wait every waiter is in flight: what they hold is live now.
    Thread.sleep(10_000);
    String withWaiters = liveAfterFullGc();
    jcmd("GC.class_histogram", Path.of("target", "api-under-load-histogram.txt"));
    Map<String, Integer> waiters = tally(waiting);
    assertAlive("2,000 concurrent waiters");
    List<String> gc = gcLines();

    String figures = "heap " + heap + ", live after startup " + baseline + System.lineSeparator()
        + "uploads " + uploads + ": " + heapFigures(gc.subList(startup, afterUploads)) + System.lineSeparator()
        + "waiters " + waiters + ": " + heapFigures(gc.subList(afterUploads, gc.size()))
        + ", live with all of them waiting " + withWaiters;
    Files.writeString(Path.of("target", "api-under-load.txt"), figures + System.lineSeparator());
    System.out.println("ApiUnderLoadIT: " + figures);

    assertThat(uploads.keySet()).as("every upload answered deliberately: accepted, refused as too busy "
        + "(503/429) or as not an image (400)").allMatch(s -> s.equals("202") || s.equals("400")
            || s.equals("503") || s.equals("429"));
    assertThat(uploads.getOrDefault("202", 0) + uploads.getOrDefault("400", 0)).as("some uploads were read")
        .isPositive();
    assertThat(waiters).as("every waiter was held to its deadline and answered 202").containsOnlyKeys("202");
  }

  @Test
  void aRequestThatStallsMidBodyIsCutOff() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(base).getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/diagnoses HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + TestTokens.valid("slow", "category") + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
          + "\r\nContent-Length: 100000\r\n\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // Then silence: the server must end the exchange (answer or close) long before the 30 s socket timeout.
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // drain whatever answer comes until the server closes the connection
      }
    }
    assertAlive("a stalled request");
  }

  private static Map<String, Integer> uploads() throws Exception {
    byte[] body = multipart(padded(TestImages.png(16), UPLOAD_BYTES));
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < UPLOADS; i++) {
      calls.add(post("/api/v1/diagnoses", TestTokens.valid("uploader-" + i, "category"), body));
    }
    return tally(calls);
  }

  private static List<CompletableFuture<String>> waiters() {
    byte[] body = multipart(TestImages.png(16));
    List<String> tokens = new ArrayList<>();
    for (int c = 0; c < WAITER_CALLERS; c++) {
      tokens.add(TestTokens.valid("waiter-" + c, "category"));
    }
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      calls.add(post("/api/v1/diagnoses?wait=20s", tokens.get(i % WAITER_CALLERS), body));
    }
    return calls;
  }

  private static CompletableFuture<String> post(String uri, String token, byte[] body) {
    return load.post().uri(uri)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .bodyValue(body)
        .exchangeToMono(response -> response.releaseBody().thenReturn(Integer.toString(response.statusCode().value())))
        .onErrorResume(e -> reactor.core.publisher.Mono.just("failed: " + e.getClass().getSimpleName() + " ("
            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ")"))
        .toFuture();
  }

  private static Map<String, Integer> tally(List<CompletableFuture<String>> calls) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (CompletableFuture<String> call : calls) {
      counts.merge(call.get(180, TimeUnit.SECONDS), 1, Integer::sum);
    }
    return counts;
  }

  private static void assertAlive(String after) throws Exception {
    assertThat(api.isAlive()).as("the API process survived " + after).isTrue();
    assertThat(ready()).as("the API is ready after " + after).isTrue();
  }

  private static boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The -Xmx the launcher starts the API with, so this test and the platform cannot drift apart. */
  private static String launcherHeap() throws IOException {
    String source = Files.readString(Path.of("..", "infra", "src", "main", "java", "io", "plantspy", "infra",
        "launcher", "ApiService.java"));
    Matcher xmx = Pattern.compile("\"(-Xmx\\w+)\"").matcher(source);
    assertThat(xmx.find()).as("ApiService starts the API with an -Xmx").isTrue();
    return xmx.group(1);
  }

  /** Runs a full collection in the API's JVM and returns the heap it left, from the GC log. */
  private static String liveAfterFullGc() throws Exception {
    jcmd("GC.run", null);
    Pattern asked = Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");
    String live = "(not in the GC log)";
    for (String line : gcLines()) {
      Matcher m = asked.matcher(line);
      if (m.find()) {
        live = m.group(1) + " MB";
      }
    }
    return live;
  }

  private static void jcmd(String command, Path output) throws Exception {
    ProcessBuilder jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(api.pid()), command);
    jcmd.redirectErrorStream(true);
    jcmd.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
        : ProcessBuilder.Redirect.to(output.toFile()));
    assertThat(jcmd.start().waitFor(60, TimeUnit.SECONDS)).as("jcmd " + command + " finished").isTrue();
  }

  private static List<String> gcLines() throws IOException {
    return Files.readAllLines(gcLog);
  }

  /** Peak heap before and after a collection, from GC log lines ("... 123M->45M(512M) ..."). */
  private static String heapFigures(List<String> lines) {
    Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    int before = 0;
    int after = 0;
    int afterFull = 0;
    int collections = 0;
    for (String line : lines) {
      Matcher m = pause.matcher(line);
      if (m.find()) {
        collections++;
        before = Math.max(before, Integer.parseInt(m.group(1)));
        after = Math.max(after, Integer.parseInt(m.group(2)));
        if (line.contains("Pause Full")) {
          afterFull = Math.max(afterFull, Integer.parseInt(m.group(2)));
        }
      }
    }
    // After a young collection the old generation still holds garbage; after a full one only live objects remain.
    return collections + " GCs, peak heap before GC " + before + " MB, peak after GC " + after
        + " MB, peak after a full GC " + (afterFull == 0 ? "(none)" : afterFull + " MB");
  }

  private static byte[] padded(byte[] image, int size) {
    return Arrays.copyOf(image, size);
  }

  private static byte[] multipart(byte[] image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 512);
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"leaf.png\""
        + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(image);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
