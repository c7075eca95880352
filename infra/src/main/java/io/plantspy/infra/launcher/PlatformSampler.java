package io.plantspy.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what a detached platform's processes and files hold right now: per service (by the pids in its
 * {@link PlatformState}, read again each time so a service the supervisor restarted is followed) the JVM's heap
 * and old generation, its resident memory and the CPU it used since the previous call; and the sizes of the
 * MongoDB server's data file and the broker's segment files.
 */
final class PlatformSampler {

  private final StateFolder state;
  // CPU time at the previous call, by pid: a restarted service starts a new count.
  private Map<Long, Duration> cpuBefore = new HashMap<>();
  private long before = System.nanoTime();

  PlatformSampler(StateFolder state) {
    this.state = state;
  }

  /** Each recorded service's process now; the CPU figures cover the time since the previous call. */
  Map<String, SoakSample.ServiceSample> services() throws IOException {
    long now = System.nanoTime();
    double seconds = (now - before) / 1e9;
    Map<Long, Duration> cpuNow = new HashMap<>();
    Map<String, SoakSample.ServiceSample> samples = new LinkedHashMap<>();
    List<PlatformState.RecordedService> recorded =
        state.platform().map(PlatformState::services).orElse(List.of());
    for (PlatformState.RecordedService service : recorded) {
      long jvm = service.process().map(p -> jvmPid(ProcessHandle.of(p.pid()).orElse(null))).orElse(-1L);
      if (jvm < 0) {
        samples.put(service.name(), new SoakSample.ServiceSample(-1, -1, -1, -1, Double.NaN));
        continue;
      }
      Optional<JvmHeap> heap = JvmHeap.read(jvm);
      double cores = Double.NaN;
      Optional<Duration> cpu = ProcessHandle.of(jvm).flatMap(h -> h.info().totalCpuDuration());
      if (cpu.isPresent()) {
        cpuNow.put(jvm, cpu.get());
        Duration previous = cpuBefore.get(jvm);
        if (previous != null && seconds > 0) {
          cores = cpu.get().minus(previous).toNanos() / 1e9 / seconds;
        }
      }
      samples.put(service.name(), new SoakSample.ServiceSample(jvm, heap.map(JvmHeap::usedBytes).orElse(-1L),
          heap.map(JvmHeap::oldUsedBytes).orElse(-1L), ProcessMemory.residentBytes(jvm).orElse(-1L), cores));
    }
    cpuBefore = cpuNow;
    before = now;
    return samples;
  }

  long mongoFileBytes() {
    try {
      return Files.size(state.mongoFile());
    } catch (IOException e) {
      return -1;
    }
  }

  long kafkaSegmentBytes() {
    return segmentBytes(state.kafkaData());
  }

  /**
   * The bytes of the broker's segment files ({@code *.log}) under {@code dir}, the records it keeps; its index
   * files are left out, being preallocated (10 MB each, sparse: 2.6 GB on a fresh platform) and so not a measure
   * of what it holds. Files the broker deletes meanwhile are left out too.
   */
  static long segmentBytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return -1;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).mapToLong(f -> {
        try {
          return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException gone) {
          return 0;
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /**
   * The JVM serving a recorded process: the process itself when it runs java, else its first java descendant.
   * Keycloak is recorded as its start script ({@code kc.sh}), which runs java as its child, and execs it only when
   * the server had to be rebuilt first. -1 when there is none.
   */
  static long jvmPid(ProcessHandle process) {
    if (process == null) {
      return -1;
    }
    if (isJava(process)) {
      return process.pid();
    }
    return process.descendants().filter(PlatformSampler::isJava).findFirst().map(ProcessHandle::pid).orElse(-1L);
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false);
  }
}
