package io.plantspy.infra.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each service of a detached platform (and by this JVM), read from the operating system by pid,
 * so a benchmark can say where the machine's cores went per request.
 */
final class ServiceCpu {

  static final String BENCH_CLIENT = "bench client";

  private final Map<String, Long> pids = new LinkedHashMap<>();

  ServiceCpu(StateFolder state) throws IOException {
    state.platform().ifPresent(platform -> platform.services().forEach(s -> pids.put(s.name(), s.pid())));
    pids.put(BENCH_CLIENT, ProcessHandle.current().pid());
  }

  /** CPU time so far per service; a service whose process is gone (or unreadable) is left out. */
  Map<String, Duration> snapshot() {
    Map<String, Duration> used = new LinkedHashMap<>();
    pids.forEach((service, pid) -> ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .ifPresent(cpu -> used.put(service, cpu)));
    return used;
  }

  /** CPU time each service used between two snapshots. */
  static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
    Map<String, Duration> used = new LinkedHashMap<>();
    after.forEach((service, cpu) -> {
      Duration start = before.get(service);
      if (start != null) {
        used.put(service, cpu.minus(start));
      }
    });
    return used;
  }
}
