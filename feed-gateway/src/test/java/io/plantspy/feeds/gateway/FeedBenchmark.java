package io.plantspy.feeds.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feed throughput and latency: devices publish frames (QoS 1, JSON envelope with a 64 px JPEG) as fast as the
 * broker acknowledges them, the gateway keeps every frame (sampling interval 0), a stand-in answers each request at
 * once instead of the model, and each answer comes back to its device over MQTT. Broker, gateway, the embedded
 * KRaft broker and mongo-java-server (memory) all run in this one JVM. Not a test: run it by hand and write the
 * figures in BENCHMARKS.md.
 *
 * <pre>./mvnw -pl feed-gateway test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.plantspy.feeds.gateway.FeedBenchmark -Dexec.args="20 100"</pre>
 *
 * Arguments: devices (default 20), frames per device (default 100), and a rate in frames per second for all
 * devices together (default 0: as fast as acknowledged, which measures throughput; a rate below it measures latency
 * without the queueing of a flood).
 */
public final class FeedBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    byte[] image = Images.jpeg(64, 7);
    Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    List<Camera> cameras = new ArrayList<>();
    try (FeedPlatform platform = FeedPlatform.start("--plantspy.feeds.sampling.interval=0s",
        "--plantspy.feeds.sampling.per-device-queue=1000", "--plantspy.feeds.sampling.overall-queue=100000",
        "--logging.level.io.plantspy=warn");
        StandInProcessor processor = new StandInProcessor()) {
      for (int d = 0; d < devices; d++) {
        Camera camera = new Camera(platform.mqttPort(), FeedIT.register(platform, "bench", "bench-farm", "cam " + d,
            "admin"));
        camera.listen();
        cameras.add(camera);
      }
      long start = System.nanoTime();
      long sent = 0;
      for (int f = 0; f < frames; f++) {
        for (Camera camera : cameras) {
          if (rate > 0) {
            long due = start + (long) (sent++ * 1e9 / rate);
            while (System.nanoTime() < due) {
              Thread.sleep(1);
            }
          }
          String frameId = camera.id + "-" + f;
          publishedAt.put(frameId, System.nanoTime());
          camera.send(Images.envelope(image, frameId, 48.0, 11.0, null));
        }
      }
      long accepted = System.nanoTime();
      int total = devices * frames;
      long[] latencies = new long[total];
      int answered = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (answered < total && System.nanoTime() < deadline) {
        for (Camera camera : cameras) {
          String answer = camera.answers.poll();
          if (answer != null) {
            long now = camera.answeredAt.poll();
            String frameId = (String) JSON.readValue(answer, Map.class).get("frameId");
            latencies[answered++] = now - publishedAt.get(frameId);
          }
        }
        if (cameras.stream().allMatch(c -> c.answers.isEmpty())) {
          Thread.sleep(5);
        }
      }
      long done = cameras.stream().mapToLong(c -> c.lastAnswer).max().orElse(System.nanoTime());
      long[] got = Arrays.copyOf(latencies, answered);
      Arrays.sort(got);
      System.out.printf(Locale.ROOT, "%d devices x %d frames at %s: accepted %.0f frames/s (%.1f s), diagnosed %d in %.1f s"
              + " = %.0f frames/s; publish->answer ms p50 %.0f p95 %.0f p99 %.0f max %.0f%n",
          devices, frames, rate > 0 ? rate + " frames/s" : "full speed", total / seconds(accepted - start), seconds(accepted - start), answered,
          seconds(done - start), answered / seconds(done - start), ms(got, 0.50), ms(got, 0.95), ms(got, 0.99),
          ms(got, 1.0));
      for (Camera camera : cameras) {
        camera.close();
      }
    }
    System.exit(0);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
    return Duration.ofNanos(sorted[Math.max(i, 0)]).toNanos() / 1e6;
  }
}
