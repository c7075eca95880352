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
          + "diagnosed counts every second; the devices are removed at the end.")
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
      ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
      try {
        for (int i = 0; i < devices; i++) {
          JsonNode device = api.register(farm, (drone ? "drone " : "camera ") + i);
          cameras.add(new SimulatedCamera(api.brokerUrl(), device.path("mqttUsername").asString(),
              device.path("mqttPassword").asString(), farm));
        }
        System.out.printf(Locale.ROOT, "%d devices on farm %s, %.1f frames/s each, for %s%n", devices, farm, fps,
            duration);
        long sampledBefore = sampled(api);
        AtomicLong frame = new AtomicLong();
        DronePath path = new DronePath(48.1000, 11.5000, 200, 100, 10, 5, 30);
        long periodMicros = (long) (1_000_000 / fps);
        for (SimulatedCamera camera : cameras) {
          AtomicLong own = new AtomicLong();
          clock.scheduleAtFixedRate(() -> {
            long n = own.getAndIncrement();
            byte[] photo = photos.get((int) (frame.getAndIncrement() % photos.size()));
            camera.send(envelope(photo, camera.id + "-" + n, drone ? path.at(n) : null));
          }, (long) (Math.random() * periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
          Thread.sleep(1000);
          print(cameras, sampled(api) - sampledBefore);
        }
        clock.shutdownNow();
        // The last frames' answers are still on their way.
        Thread.sleep(5000);
        print(cameras, sampled(api) - sampledBefore);
        return 0;
      } finally {
        clock.shutdownNow();
        for (SimulatedCamera camera : cameras) {
          camera.close();
          api.remove(camera.id);
        }
      }
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
