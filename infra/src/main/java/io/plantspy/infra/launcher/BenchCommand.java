package io.plantspy.infra.launcher;

import io.plantspy.model.image.ImageLimits;
import io.plantspy.model.image.LeafImagePreprocessor;
import io.plantspy.model.release.PlantClassifier;
import io.plantspy.model.release.ReleaseFiles;
import io.plantspy.model.runtime.InferenceOptions;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench}: sends N leaf photos through the running platform (API → Kafka → processor → MongoDB → API)
 * at a fixed concurrency and, in the same run, through bare ONNX Runtime with the same model, batch size and
 * threads; prints throughput, latency percentiles, the ratio, and the processor's own per-request timings. Both
 * are warmed up first: the services are long-running JVMs, and their steady state is what is compared.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Platform throughput and latency next to bare ONNX Runtime, same model, batch and threads.")
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  // The defaults measure the steady state (BENCHMARKS.md: the JVMs need about four minutes of load to compile their
  // hot paths; a 45 s warm-up reported 45 % where the steady state is 70-78 %), so a bare `bench` gives the figure
  // that represents the platform.
  @Option(names = "--images", defaultValue = "3000", description = "Photos to send (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--concurrency", defaultValue = "48", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--batch", defaultValue = "4", description = "Bare ONNX Runtime batch size; match the processor's.")
  int batch;

  @Option(names = "--workers", defaultValue = "2",
      description = "Bare ONNX Runtime batches run at once; match the processor's stream threads.")
  int workers;

  @Option(names = "--threads", defaultValue = "1",
      description = "Bare ONNX Runtime intra-op threads per batch; match the processor's.")
  int threads;

  @Option(names = "--warmup", defaultValue = "240s", converter = DurationConverter.class,
      description = "Load sent first and not measured, so every JVM has compiled its hot paths (default: "
          + "${DEFAULT-VALUE}; shorter warm-ups measure the JIT compiler, not the platform).")
  Duration warmup;

  @Option(names = "--dataset", description = "Folder of leaf photos (default: ../shared/datasets/plantvillage).")
  Path dataset;

  @Option(names = "--runs", defaultValue = "1",
      description = "Measure bare and platform this many times (after one warm-up) and report the median ratio.")
  int runs;

  @Option(names = "--user", defaultValue = "grower")
  String user;

  @Option(names = "--bulk", description = "Measure bulk jobs instead: a job of --images photos produced straight to "
      + "the bulk topic next to bare ONNX Runtime (match --batch to plantspy.processor.bulk.max-batch-size), and "
      + "interactive ?wait= latency at --rate, idle and while such a job drains.")
  boolean bulk;

  @Option(names = "--rate", defaultValue = "2", description = "With --bulk: interactive uploads per second, sent "
      + "open-loop (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--idle", defaultValue = "60s", converter = DurationConverter.class,
      description = "With --bulk: how long interactive latency is measured with nothing else running (default: "
          + "${DEFAULT-VALUE}).")
  Duration idle;

  @Spec
  CommandSpec spec;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || images < 1 || concurrency < 1 || batch < 1 || workers < 1 || threads < 0) {
      throw new ParameterException(spec.commandLine(),
          "--runs, --images, --concurrency, --batch and --workers must be at least 1, --threads at least 0");
    }
    if (bulk) {
      return new BulkBench(this).run();
    }
    Path root = Path.of(System.getProperty("plantspy.home", "."));
    List<byte[]> photos = DatasetPhotos.load(DatasetPhotos.folder(dataset), images);
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    PlatformApi api = PlatformApi.connect(state, user);
    ServiceCpu cpu = new ServiceCpu(state);

    System.out.printf(Locale.ROOT, "warming up for %d s first (not measured) so every JVM has compiled its hot paths: "
        + "the figures are the steady state%n", warmup.toSeconds());
    List<Double> ratios = new ArrayList<>();
    int failures = 0;
    for (int run = 1; run <= runs; run++) {
      // Warm-up once: later runs find every JVM already compiled.
      boolean warm = run > 1;
      double bare = bareImagesPerSecond(root.resolve("models"), photos, warm);
      Measured measured = throughPlatform(api, photos, cpu, warm);
      if (runs > 1) {
        System.out.printf(Locale.ROOT, "%n## run %d of %d%n", run, runs);
      }
      report(bare, measured);
      ratios.add(measured.imagesPerSecond() / bare);
      failures += measured.failures();
    }
    Collections.sort(ratios);
    if (runs > 1) {
      System.out.printf(Locale.ROOT, "%nover %d runs: min %.0f %%, max %.0f %%; the line below is the median%n", runs,
          100 * ratios.get(0), 100 * ratios.get(ratios.size() - 1));
    }
    // The one figure a reader looks for, always last.
    System.out.printf(Locale.ROOT, "%nplatform / bare = %.0f %%%n", 100 * median(ratios));
    return failures == 0 ? 0 : 1;
  }

  private void report(double bare, Measured measured) {
    List<Long> latencies = measured.latenciesMillis();
    Collections.sort(latencies);
    System.out.printf(Locale.ROOT, "%n| path | images | concurrency | images/s | p50 ms | p95 ms | p99 ms |%n");
    System.out.println("|---|---|---|---|---|---|---|");
    System.out.printf(Locale.ROOT,
        "| bare ONNX Runtime (decode + preprocess + batch %d, %d × %d intra-op thread(s)) | %d | %d | %.1f | | | |%n",
        batch, workers, threads, images, workers * batch, bare);
    System.out.printf(Locale.ROOT, "| platform (HTTP → Kafka → processor → MongoDB → HTTP) | %d | %d | %.1f | %d | %d | %d |%n",
        latencies.size(), concurrency, measured.imagesPerSecond(), pct(latencies, 0.50), pct(latencies, 0.95),
        pct(latencies, 0.99));
    System.out.printf(Locale.ROOT, "%nthis run: platform / bare = %.0f %%; failed requests: %d%n",
        100 * measured.imagesPerSecond() / bare, measured.failures());
    System.out.printf(Locale.ROOT, "processor timings per request (mean): queued %.1f ms, preprocess %.1f ms, "
        + "inference %.1f ms per batch, batch size %.2f%n", measured.mean(0), measured.mean(1), measured.mean(2),
        measured.mean(3));
    printCpu(measured);
  }

  /**
   * What the processor does minus the platform: {@code workers} threads, each decoding and preprocessing its own
   * batches and running them through one shared session, as the stream threads do.
   */
  double bareImagesPerSecond(Path models, List<byte[]> photos, boolean warm) throws Exception {
    LeafImagePreprocessor preprocessor = new LeafImagePreprocessor(ImageLimits.defaults());
    try (PlantClassifier classifier =
        PlantClassifier.load(ReleaseFiles.current(models), InferenceOptions.cpu(threads))) {
      long warmupEnd = System.nanoTime() + (warm ? 0 : warmup.toNanos() / 2);
      while (System.nanoTime() < warmupEnd) {
        runBare(classifier, preprocessor, photos, workers * batch * 4);
      }
      long started = System.nanoTime();
      runBare(classifier, preprocessor, photos, images);
      return images / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** Diagnoses {@code count} photos in batches spread over {@code workers} threads. */
  private void runBare(PlantClassifier classifier, LeafImagePreprocessor preprocessor, List<byte[]> photos,
      int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          float[] pixels = new float[batch * LeafImagePreprocessor.TENSOR_LENGTH];
          for (int from = next.getAndAdd(batch); from < count; from = next.getAndAdd(batch)) {
            int n = Math.min(batch, count - from);
            for (int i = 0; i < n; i++) {
              preprocessor.preprocessInto(photos.get((from + i) % photos.size()), pixels,
                  i * LeafImagePreprocessor.TENSOR_LENGTH);
            }
            classifier.diagnose(pixels, n);
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Where the cores went while the platform was measured: CPU time per image and cores busy, by service. */
  private static void printCpu(Measured measured) {
    if (measured.cpu().isEmpty()) {
      return;
    }
    int n = measured.latenciesMillis().size();
    System.out.printf(Locale.ROOT, "%n| service | CPU ms per image | cores busy |%n|---|---|---|%n");
    double total = 0;
    for (Map.Entry<String, Duration> e : measured.cpu().entrySet()) {
      double millis = e.getValue().toNanos() / 1e6;
      total += millis;
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", e.getKey(), millis / Math.max(1, n),
          millis / 1000 / measured.seconds());
    }
    System.out.printf(Locale.ROOT, "| all | %.1f | %.2f of %d |%n", total / Math.max(1, n),
        total / 1000 / measured.seconds(), Runtime.getRuntime().availableProcessors());
  }

  private record Measured(List<Long> latenciesMillis, double imagesPerSecond, int failures, double[] timingSums,
      int timed, double seconds, Map<String, Duration> cpu) {
    double mean(int i) {
      return timed == 0 ? 0 : timingSums[i] / timed;
    }
  }

  private Measured throughPlatform(PlatformApi api, List<byte[]> photos, ServiceCpu cpu, boolean warm)
      throws Exception {
    long warmupEnd = System.nanoTime() + (warm ? 0 : warmup.toNanos());
    while (System.nanoTime() < warmupEnd) {
      send(api, photos, 4 * concurrency, Collections.synchronizedList(new ArrayList<>()), new double[4],
          new AtomicInteger());
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    double[] sums = new double[4];
    AtomicInteger failures = new AtomicInteger();
    Map<String, Duration> cpuBefore = cpu.snapshot();
    long started = System.nanoTime();
    int timed = send(api, photos, images, latencies, sums, failures);
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Duration> used = ServiceCpu.between(cpuBefore, cpu.snapshot());
    return new Measured(new ArrayList<>(latencies), latencies.size() / seconds, failures.get(), sums, timed, seconds,
        used);
  }

  /** Sends {@code count} uploads with at most {@code concurrency} in flight; returns how many carried timings. */
  private int send(PlatformApi api, List<byte[]> photos, int count, List<Long> latencies, double[] sums,
      AtomicInteger failures) throws Exception {
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicInteger timed = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      long start = System.nanoTime();
      all.add(http.sendAsync(api.upload(photos.get(i % photos.size()), "leaf.jpg", "?wait=120s"),
              HttpResponse.BodyHandlers.ofString())
          .handle((response, error) -> {
            inFlight.release();
            if (error != null || response.statusCode() != 200) {
              failures.incrementAndGet();
              return null;
            }
            latencies.add((System.nanoTime() - start) / 1_000_000);
            JsonNode t = JSON.readTree(response.body()).path("timings");
            if (!t.isMissingNode()) {
              synchronized (sums) {
                sums[0] += t.path("queuedMillis").asDouble();
                sums[1] += t.path("preprocessMillis").asDouble();
                sums[2] += t.path("inferenceMillis").asDouble();
                sums[3] += t.path("batchSize").asDouble();
              }
              timed.incrementAndGet();
            }
            return null;
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return timed.get();
  }

  private static long pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
  }

  /** The middle value of {@code sorted}; the mean of the two middle ones for an even count. */
  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
