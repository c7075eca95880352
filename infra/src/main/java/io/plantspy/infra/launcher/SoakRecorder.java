package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes the soak's samples on its own thread: at every interval from the start (and once at the end of a last,
 * shorter interval) it drains the answers' window, reads the platform, writes the row to the CSV and prints a
 * line of progress.
 */
final class SoakRecorder {

  private final PlatformSampler platform;
  private final LatencyWindow answers;
  private final OpenLoopSender sender;
  private final SoakCsv csv;
  private final PrintStream progress;
  private final List<SoakSample> samples = new ArrayList<>();

  SoakRecorder(PlatformSampler platform, LatencyWindow answers, OpenLoopSender sender, SoakCsv csv,
      PrintStream progress) {
    this.platform = platform;
    this.answers = answers;
    this.sender = sender;
    this.csv = csv;
    this.progress = progress;
  }

  /** Samples from {@code startNanos} (a {@link System#nanoTime()}) until {@code duration} after it. */
  Thread start(long startNanos, Duration duration, Duration interval) {
    Thread thread = new Thread(() -> record(startNanos, duration.toNanos(), interval.toNanos()), "soak-sampler");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void record(long start, long duration, long interval) {
    long previous = start;
    long sent = 0;
    long skipped = 0;
    for (long at = Math.min(interval, duration); ; at = Math.min(at + interval, duration)) {
      for (long wait = start + at - System.nanoTime(); wait > 0; wait = start + at - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      long now = System.nanoTime();
      LatencyWindow.Latencies window = answers.drain();
      long sentNow = sender.sent();
      long skippedNow = sender.skipped();
      try {
        SoakSample sample = new SoakSample((now - start) / 1e9, sentNow - sent, skippedNow - skipped, window,
            window.succeeded() / ((now - previous) / 1e9), platform.services(), platform.mongoFileBytes(),
            platform.kafkaSegmentBytes());
        synchronized (samples) {
          samples.add(sample);
        }
        csv.write(sample);
        progress.println(line(sample));
      } catch (IOException | RuntimeException e) {
        // One unreadable sample must not end the sampling of a half-hour run.
        progress.println("sample at " + (now - start) / 1_000_000_000 + " s not written: " + e.getMessage());
      }
      previous = now;
      sent = sentNow;
      skipped = skippedNow;
      if (at >= duration) {
        return;
      }
    }
  }

  List<SoakSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private static String line(SoakSample s) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%6.1f min  %5.1f/s  p50 %.0f p95 %.0f p99 %.0f ms  failed %d  skipped %d  old gen MiB:",
        s.elapsedSeconds() / 60, s.throughputPerSecond(), s.answers().p50Millis(), s.answers().p95Millis(),
        s.answers().p99Millis(), s.answers().failed(), s.skipped()));
    s.services().forEach((name, service) -> line.append(' ').append(name).append(' ')
        .append(service.oldGenUsedBytes() < 0 ? "?" : Long.toString(service.oldGenUsedBytes() >> 20)));
    return line.append(String.format(Locale.ROOT, "  MongoDB file %d MiB", Math.max(0, s.mongoFileBytes() >> 20)))
        .toString();
  }
}
