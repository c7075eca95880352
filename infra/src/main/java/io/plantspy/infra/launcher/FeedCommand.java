package io.plantspy.infra.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code feed simulate}: plays photos as camera or drone frames over MQTT against the running platform. */
@Command(name = "feed", mixinStandardHelpOptions = true, subcommands = FeedCommand.Simulate.class,
    description = "Camera and drone feeds of the running platform.")
final class FeedCommand {

  @Command(name = "simulate", mixinStandardHelpOptions = true,
      description = "Register devices, play photos from DIR as their frames and print accepted / sampled / "
          + "diagnosed counts every second, then accepted and answered frames per second, publish-to-answer "
          + "p50/p95 and the answers by class; the devices are removed at the end.")
  static final class Simulate implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Folder of .jpg photos (searched recursively).")
    Path dir;

    @Option(names = "--devices", defaultValue = "20", description = "Simulated devices (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--fps", defaultValue = "2", description = "Frames per second per device (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--drone", description = "Fly a lawn-mower path over a field, frames GPS-tagged.")
    boolean drone;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
        description = "How long to play (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--drain", defaultValue = "15s", converter = DurationConverter.class,
        description = "After playing, how long to wait at most for the sampled frames' answers "
            + "(default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--photos", defaultValue = "200", description = "Photos read from DIR (default: ${DEFAULT-VALUE}).")
    int photoLimit;

    @Option(names = "--user", defaultValue = "admin",
        description = "Demo user who registers the devices (default: ${DEFAULT-VALUE}; sampled counts need admin).")
    String user;

    @Override
    public Integer call() throws Exception {
      if (devices < 1 || fps <= 0) {
        throw new IllegalArgumentException("--devices and --fps must be positive");
      }
      List<byte[]> photos = DatasetPhotos.load(dir, photoLimit);
      FeedApi api = FeedApi.connect(new StateFolder(PlantspyLauncher.stateDir()), user);
      String farm = "sim-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
      List<SimulatedCamera> cameras = new ArrayList<>();
      FeedAnswers answers = new FeedAnswers();
      ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
      try {
        for (int i = 0; i < devices; i++) {
          JsonNode device = api.register(farm, (drone ? "drone " : "camera ") + i);
          cameras.add(new SimulatedCamera(api.brokerUrl(), device.path("mqttUsername").asString(),
              device.path("mqttPassword").asString(), farm, answers));
        }
        System.out.printf(Locale.ROOT, "%d devices on farm %s, %.1f frames/s each, for %s%n", devices, farm, fps,
            duration);
        long sampledBefore = sampled(api);
        AtomicLong frame = new AtomicLong();
        DronePath path = new DronePath(48.1000, 11.5000, 200, 100, 10, 5, 30);
        long periodMicros = (long) (1_000_000 / fps);
        long start = System.nanoTime();
        for (SimulatedCamera camera : cameras) {
          AtomicLong own = new AtomicLong();
          clock.scheduleAtFixedRate(() -> {
            long n = own.getAndIncrement();
            byte[] photo = photos.get((int) (frame.getAndIncrement() % photos.size()));
            String frameId = camera.id + "-" + n;
            camera.send(frameId, envelope(photo, frameId, drone ? path.at(n) : null));
          }, (long) (Math.random() * periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
          Thread.sleep(1000);
          print(cameras, sampled(api) - sampledBefore);
        }
        clock.shutdownNow();
        long playedNanos = System.nanoTime() - start;
        // The last frames' answers are still on their way: wait until every sampled frame is answered.
        Instant drained = Instant.now().plus(drain);
        long sampled = sampled(api) - sampledBefore;
        while (Instant.now().isBefore(drained) && (sampled < 0 || answered(cameras) < sampled)) {
          Thread.sleep(250);
          sampled = sampled(api) - sampledBefore;
        }
        print(cameras, sampled);
        summary(cameras, answers, start, playedNanos);
        return 0;
      } finally {
        clock.shutdownNow();
        for (SimulatedCamera camera : cameras) {
          camera.close();
          api.remove(camera.id);
        }
      }
    }

    /**
     * The run's figures: accepted frames per second of play, answered frames per second from the start to the last
     * answer, publish→answer percentiles, and the answers by class.
     */
    private static void summary(List<SimulatedCamera> cameras, FeedAnswers answers, long start, long playedNanos) {
      long accepted = cameras.stream().mapToLong(c -> c.accepted.get()).sum();
      long answered = answered(cameras);
      double playedSeconds = playedNanos / 1e9;
      double answeringSeconds = answered == 0 ? playedSeconds : (answers.lastAnswerNanos() - start) / 1e9;
      LatencyWindow.Latencies latency = answers.drainLatencies();
      System.out.printf(Locale.ROOT, "accepted %.1f frames/s, answered %.1f frames/s, publish->answer p50 %.0f ms,"
              + " p95 %.0f ms (%d timed)%n", accepted / playedSeconds, answered / answeringSeconds,
          latency.p50Millis(), latency.p95Millis(), latency.succeeded());
      System.out.println("answers  " + answers.classesText());
    }

    private static long answered(List<SimulatedCamera> cameras) {
      return cameras.stream().mapToLong(c -> c.answered.get()).sum();
    }

    private static long sampled(FeedApi api) {
      try {
        return api.counter("plantspy.feeds.frames.sampled", null);
      } catch (Exception e) {
        return -1;
      }
    }

    private static void print(List<SimulatedCamera> cameras, long sampled) {
      long sent = cameras.stream().mapToLong(c -> c.sent.get()).sum();
      long accepted = cameras.stream().mapToLong(c -> c.accepted.get()).sum();
      long diagnosed = cameras.stream().mapToLong(c -> c.answered.get()).sum();
      System.out.printf(Locale.ROOT, "sent %d  accepted %d  sampled %s  diagnosed %d%n", sent, accepted,
          sampled < 0 ? "?" : Long.toString(sampled), diagnosed);
    }

    static byte[] envelope(byte[] photo, String frameId, DronePath.Position position) {
      String json = "{\"image\":\"" + Base64.getEncoder().encodeToString(photo) + "\",\"frameId\":\"" + frameId
          + "\",\"capturedAt\":\"" + Instant.now() + "\"" + (position == null ? "" : "," + position.json()) + "}";
      return json.getBytes(StandardCharsets.UTF_8);
    }
  }
}
