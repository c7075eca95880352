package io.plantspy.infra.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code soak}: a long run of the detached platform at a steady share of its capacity, sampling every interval
 * each service's heap, old generation, resident memory and CPU, the answers' latency percentiles, throughput and
 * failures, and the sizes of the MongoDB file and the Kafka segments; writes {@code samples.csv}, {@code soak.png} and
 * {@code summary.md} (first and last sample and the slope per 10 minutes of each series: flat is a number).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Steady open-loop load on the running platform for a long time; samples memory, latency and "
        + "storage every interval, then writes samples.csv, soak.png and summary.md.")
final class SoakCommand implements Callable<Integer> {

  // Capacity is measured as bench measures it: a closed loop at bench's concurrency, long enough to average the
  // processor's batching out (about 15 s here).
  static final int CAPACITY_CONCURRENCY = 48;
  static final int CAPACITY_IMAGES = 1500;
  private static final int PHOTOS = 1000;
  // Requests still in flight when the load ends are waited for: up to the API's wait plus the client's margin.
  private static final Duration DRAIN = Duration.ofSeconds(90);

  @Option(names = "--duration", defaultValue = "30m", converter = DurationConverter.class,
      description = "How long the measured load runs (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--rate", description = "Uploads per second, sent on a fixed schedule (open loop). "
      + "Without it: --capacity-fraction of a capacity measured first.")
  Double rate;

  @Option(names = "--capacity-fraction", defaultValue = "0.7",
      description = "Share of the measured capacity to send when --rate is not given (default: ${DEFAULT-VALUE}).")
  double capacityFraction;

  @Option(names = "--warmup", defaultValue = "240s", converter = DurationConverter.class,
      description = "Load sent first and not recorded, so every JVM has compiled its hot paths (default: "
          + "${DEFAULT-VALUE}; BENCHMARKS.md: shorter warm-ups measure the JIT compiler).")
  Duration warmup;

  @Option(names = "--sample", defaultValue = "1m", converter = DurationConverter.class,
      description = "Sample interval (default: ${DEFAULT-VALUE}).")
  Duration sample;

  @Option(names = "--max-in-flight", defaultValue = "150",
      description = "Unanswered requests at most; one due beyond it is skipped and counted (default: "
          + "${DEFAULT-VALUE}, below the API's 200 waiting requests per caller).")
  int maxInFlight;

  @Option(names = "--dataset", description = "Folder of leaf photos (default: ../shared/datasets/plantvillage).")
  Path dataset;

  @Option(names = "--out", description = "Folder for samples.csv, soak.png and summary.md "
      + "(default: soak/<UTC time> in the state folder, .plantspy/).")
  Path out;

  @Option(names = "--user", defaultValue = "grower")
  String user;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    List<byte[]> photos = DatasetPhotos.load(DatasetPhotos.folder(dataset), PHOTOS);
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    SoakUploads uploads = new SoakUploads(PlatformApi.connect(state, user), photos);
    Path folder = out != null ? out : state.root().resolve("soak").resolve(
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
    Files.createDirectories(folder);

    String load = rate != null ? "given" : null;
    double perSecond;
    if (rate != null) {
      perSecond = rate;
      System.out.printf(Locale.ROOT, "warming up for %d s at %.1f uploads/s (not recorded)%n", warmup.toSeconds(),
          perSecond);
      OpenLoopSender warm = new OpenLoopSender(perSecond, maxInFlight, due -> uploads.send(due, new LatencyWindow()));
      warm.run(warmup);
      // Its last answers would otherwise count against the API's per-caller limit next to the soak's requests.
      warm.awaitAnswered(DRAIN);
    } else {
      double capacity = measureCapacity(uploads);
      perSecond = capacityFraction * capacity;
      load = String.format(Locale.ROOT, "%.0f %% of the measured capacity, %.1f answers/s", 100 * capacityFraction,
          capacity);
    }

    System.out.printf(Locale.ROOT, "soaking for %d s at %.1f uploads/s (%s), a sample every %d s, into %s%n",
        duration.toSeconds(), perSecond, load, sample.toSeconds(), folder);
    LatencyWindow window = new LatencyWindow();
    LatencyWindow whole = new LatencyWindow();
    OpenLoopSender sender = new OpenLoopSender(perSecond, maxInFlight, due -> uploads.send(due, window, whole));
    PlatformSampler platform = new PlatformSampler(state);
    List<String> services = List.copyOf(platform.services().keySet()); // also the CPU baseline
    List<SoakSample> samples;
    try (SoakCsv csv = new SoakCsv(folder.resolve("samples.csv"), services)) {
      SoakRecorder recorder = new SoakRecorder(platform, window, sender, csv, System.out);
      Thread sampling = recorder.start(System.nanoTime(), duration, sample);
      sender.run(duration);
      sampling.join();
      samples = recorder.samples();
    }
    boolean answered = sender.awaitAnswered(DRAIN);
    int unanswered = sender.inFlight();
    LatencyWindow.Latencies all = whole.drain();
    long failed = all.failed() + (answered ? 0 : unanswered);

    SoakChart.writePng(samples, services, folder.resolve("soak.png"), 1200, 1000);
    List<String> heading = new ArrayList<>();
    heading.add("# Soak, " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    heading.add("");
    heading.add(String.format(Locale.ROOT, "%d s at %.1f uploads/s (%s), after a %d s warm-up; a sample every "
        + "%d s; at most %d in flight.", duration.toSeconds(), perSecond, load, warmup.toSeconds(),
        sample.toSeconds(), maxInFlight));
    heading.add(String.format(Locale.ROOT, "Sent %d, answered 200: %d, failed: %d%s, skipped at the in-flight "
        + "ceiling: %d. Latency over the run: p50 %.0f / p95 %.0f / p99 %.0f / max %.0f ms.", sender.sent(),
        all.succeeded(), failed, failureDetail(all, answered ? 0 : unanswered), sender.skipped(), all.p50Millis(),
        all.p95Millis(), all.p99Millis(), all.maxMillis()));
    heading.add("Files: samples.csv, soak.png.");
    String summary = SoakSummary.markdown(heading, SoakSeries.all(samples, services));
    Files.writeString(folder.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    System.out.println();
    System.out.print(summary);
    System.out.println();
    System.out.println("written to " + folder);
    return failed == 0 ? 0 : 1;
  }

  /**
   * What the platform answers at saturation once warm: {@link #CAPACITY_IMAGES} uploads at
   * {@link #CAPACITY_CONCURRENCY} in flight after the warm-up (sent the same way), in successful answers per second.
   */
  private double measureCapacity(SoakUploads uploads) throws Exception {
    System.out.printf(Locale.ROOT, "warming up for %d s at %d in flight (not recorded), then measuring capacity "
        + "with %d uploads at %d in flight%n", warmup.toSeconds(), CAPACITY_CONCURRENCY, CAPACITY_IMAGES,
        CAPACITY_CONCURRENCY);
    long warmupEnd = System.nanoTime() + warmup.toNanos();
    while (System.nanoTime() < warmupEnd) {
      uploads.saturate(4 * CAPACITY_CONCURRENCY, CAPACITY_CONCURRENCY, new LatencyWindow());
    }
    LatencyWindow window = new LatencyWindow();
    double seconds = uploads.saturate(CAPACITY_IMAGES, CAPACITY_CONCURRENCY, window);
    LatencyWindow.Latencies burst = window.drain();
    double capacity = burst.succeeded() / seconds;
    System.out.printf(Locale.ROOT, "capacity: %.1f answers/s (%d answered in %.1f s, p50 %.0f / p99 %.0f ms%s)%n",
        capacity, burst.succeeded(), seconds, burst.p50Millis(), burst.p99Millis(),
        burst.failed() == 0 ? "" : ", failed " + burst.failuresText());
    if (burst.succeeded() == 0) {
      throw new IllegalStateException("no upload was answered while measuring capacity: " + burst.failuresText());
    }
    return capacity;
  }

  private static String failureDetail(LatencyWindow.Latencies all, int unanswered) {
    String reasons = all.failuresText() + (unanswered == 0 ? "" : " unanswered:" + unanswered);
    return reasons.isBlank() ? "" : " (" + reasons.strip() + ")";
  }

  private void validate() {
    if (duration.isNegative() || duration.isZero() || sample.isNegative() || sample.isZero() || warmup.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--duration and --sample must be positive, --warmup not "
          + "negative");
    }
    if (rate != null && !(rate > 0)) {
      throw new ParameterException(spec.commandLine(), "--rate must be positive");
    }
    if (!(capacityFraction > 0 && capacityFraction <= 1)) {
      throw new ParameterException(spec.commandLine(), "--capacity-fraction must be in (0, 1]");
    }
    if (maxInFlight < 1) {
      throw new ParameterException(spec.commandLine(), "--max-in-flight must be at least 1");
    }
  }
}
