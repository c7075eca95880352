package io.plantspy.infra.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code bench --bulk}: bulk jobs produced straight to the bulk topic (no HTTP per image), on a detached platform.
 * (a) Throughput: a job of {@code --images} photos, from its first item produced to its last result committed, next
 * to bare ONNX Runtime on the same cores. (b) Starvation: single {@code ?wait=} uploads at a fixed open-loop rate,
 * their latency with nothing else running, then while such a job's backlog drains; beside each upload one request
 * produced straight to the requests topic and timed to its committed result, which leaves the API (and its
 * result listener's MongoDB writes) out and shows the processor's share.
 */
final class BulkBench {

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);

  private final BenchCommand options;
  private List<byte[]> photos = List.of();

  BulkBench(BenchCommand options) {
    this.options = options;
  }

  int run() throws Exception {
    Path root = Path.of(System.getProperty("plantspy.home", "."));
    photos = DatasetPhotos.load(DatasetPhotos.folder(options.dataset), options.images);
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    PlatformState platform = state.platform()
        .orElseThrow(() -> new IllegalStateException("no platform running: ./plantspy up --detach first"));
    String bootstrap = platform.kafkaBootstrap();
    SoakUploads interactive = new SoakUploads(PlatformApi.connect(state, options.user), photos);
    ServiceCpu cpu = new ServiceCpu(state);
    List<Double> ratios = new ArrayList<>();
    List<Double> p95Ratios = new ArrayList<>();
    try (BulkJobs jobs = new BulkJobs(bootstrap)) {
      System.out.printf(Locale.ROOT, "warming up for %d s (bulk jobs with interactive uploads at %.1f/s beside "
          + "them, not measured)%n", options.warmup.toSeconds(), options.rate);
      long warmupEnd = System.nanoTime() + options.warmup.toNanos();
      do {
        jobs.submit(photos, options.images);
        sendWhile(interactive, jobs, new LatencyWindow(), new LatencyWindow(), () -> jobs.pending() > 0);
        jobs.awaitAnswered(JOB_TIMEOUT);
      } while (System.nanoTime() < warmupEnd);

      for (int run = 1; run <= options.runs; run++) {
        System.out.printf(Locale.ROOT, "%n## run %d of %d%n", run, options.runs);
        if (run == 1) {
          options.bareImagesPerSecond(root.resolve("models"), photos, false); // its warm-up, not measured
        }
        Map<String, Duration> bareBefore = cpu.snapshot();
        double bare = options.bareImagesPerSecond(root.resolve("models"), photos, true);
        // This JVM's own: bare ONNX Runtime runs here (the services' idle CPU meanwhile is not bare's).
        double bareCpu = ServiceCpu.between(bareBefore, cpu.snapshot()).get(ServiceCpu.BENCH_CLIENT).toNanos() / 1e6
            / options.images;

        Map<String, Duration> before = cpu.snapshot();
        long started = System.nanoTime();
        jobs.submit(photos, options.images);
        if (!jobs.awaitAnswered(JOB_TIMEOUT)) {
          System.out.printf("the job was not answered within %s: %d items left%n", JOB_TIMEOUT, jobs.pending());
          return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Duration> used = ServiceCpu.between(before, cpu.snapshot());
        double bulkPerSecond = options.images / seconds;
        ratios.add(bulkPerSecond / bare);
        double bulkCpu = totalMillis(used) / options.images;
        System.out.printf(Locale.ROOT, "%n| bare ONNX Runtime images/s (batch %d, %d × %d thread) | bulk job images/s "
            + "| bulk / bare | CPU ms per image: bare, bulk (all services) | bare / bulk CPU per image | bulk CPU ms "
            + "per image by service |%n|---|---|---|---|---|---|%n| %.1f | %.1f | %.0f %% | %.1f, %.1f | %.0f %% | %s |%n",
            options.batch, options.workers, options.threads, bare, bulkPerSecond, 100 * bulkPerSecond / bare, bareCpu,
            bulkCpu, 100 * bareCpu / bulkCpu, cpuPerImage(used, options.images));
        System.out.println("(bare / bulk CPU per image is the throughput ratio the two would reach on the same cores "
            + "if they had them to themselves: on a machine shared with other work, images/s follow its load)");

        LatencyWindow idle = new LatencyWindow();
        LatencyWindow idleDirect = new LatencyWindow();
        long idleEnd = System.nanoTime() + options.idle.toNanos();
        sendWhile(interactive, jobs, idle, idleDirect, () -> System.nanoTime() < idleEnd);
        LatencyWindow busy = new LatencyWindow();
        LatencyWindow busyDirect = new LatencyWindow();
        jobs.submit(photos, options.images);
        long sent = sendWhile(interactive, jobs, busy, busyDirect, () -> jobs.pending() > 0);
        jobs.awaitAnswered(JOB_TIMEOUT);
        LatencyWindow.Latencies quiet = idle.drain();
        LatencyWindow.Latencies loaded = busy.drain();
        LatencyWindow.Latencies quietDirect = idleDirect.drain();
        LatencyWindow.Latencies loadedDirect = busyDirect.drain();
        p95Ratios.add(loaded.p95Millis() / quiet.p95Millis());
        System.out.printf(Locale.ROOT, "%n| interactive ?wait= uploads at %.1f/s | answered | failed | p50 ms | p95 ms "
            + "| p99 ms | max ms |%n|---|---|---|---|---|---|---|%n", options.rate);
        row("through the API, idle", quiet);
        row("through the API, while a " + options.images + "-item bulk job drains (" + sent + " sent)", loaded);
        row("straight to Kafka (processor + broker), idle", quietDirect);
        row("straight to Kafka (processor + broker), while the job drains", loadedDirect);
        System.out.printf(Locale.ROOT, "%nthis run: bulk / bare = %.0f %%, interactive p95 busy / idle = %.2f through "
            + "the API, %.2f straight to Kafka%n", 100 * bulkPerSecond / bare, loaded.p95Millis() / quiet.p95Millis(),
            loadedDirect.p95Millis() / quietDirect.p95Millis());
      }
    }
    Collections.sort(ratios);
    Collections.sort(p95Ratios);
    System.out.printf(Locale.ROOT, "%nmedian over %d runs: bulk / bare = %.0f %%, interactive p95 busy / idle = %.2f%n",
        options.runs, 100 * BenchCommand.median(ratios), BenchCommand.median(p95Ratios));
    return 0;
  }

  /**
   * Sends interactive uploads at the open-loop rate while {@code condition} holds (checked before each is due);
   * waits for their answers; returns how many were sent.
   */
  private long sendWhile(SoakUploads interactive, BulkJobs jobs, LatencyWindow window, LatencyWindow direct,
      BooleanSupplier condition) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    OpenLoopSender sender = new OpenLoopSender(options.rate, 64, due -> CompletableFuture.allOf(
        interactive.send(due, window),
        jobs.interactive(photos.get(Math.floorMod(next.getAndIncrement(), photos.size()))).handle((ok, error) -> {
          if (error == null) {
            direct.succeeded(System.nanoTime() - due);
          } else {
            direct.failed(error.getClass().getSimpleName());
          }
          return null;
        })));
    long start = System.nanoTime();
    for (long i = 0; condition.getAsBoolean(); i++) {
      long due = start + sender.dueOffsetNanos(i);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (condition.getAsBoolean()) {
        sender.run(1); // due now: sent at once
      }
    }
    sender.awaitAnswered(Duration.ofMinutes(2));
    return sender.sent();
  }

  private static void row(String phase, LatencyWindow.Latencies l) {
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f |%n", phase, l.succeeded(), l.failed(),
        l.p50Millis(), l.p95Millis(), l.p99Millis(), l.maxMillis());
  }

  /** Everything but Keycloak, which has no part in either path (its CPU is background noise). */
  private static double totalMillis(Map<String, Duration> used) {
    return used.entrySet().stream().filter(e -> !e.getKey().equals("keycloak"))
        .mapToDouble(e -> e.getValue().toNanos() / 1e6).sum();
  }

  private static String cpuPerImage(Map<String, Duration> used, int images) {
    List<String> parts = new ArrayList<>();
    used.forEach((service, cpu) -> parts.add(String.format(Locale.ROOT, "%s %.1f", service,
        cpu.toNanos() / 1e6 / images)));
    return String.join(", ", parts);
  }
}
