package io.plantspy.infra.launcher;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running platform as {@code up} records it in the state folder ({@code platform.json}) and {@code down},
 * {@code status}, {@code token}, {@code diagnose} and {@code bench} find it again from another process.
 *
 * @param ports every service's port, by {@link NamedPort#key()}
 * @param services the started services, in start order
 */
public record PlatformState(String host, long launcherPid, Map<String, Integer> ports,
    List<RecordedService> services) {

  public PlatformState {
    // In start order, as the person reading the file expects.
    ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    services = List.copyOf(services);
  }

  /**
   * A started service: its process and log, and the port {@code status} checks (0 for none).
   *
   * @param started when its process started, as the kernel reports it; a live process under the same pid that
   *     started at another time is a stranger that reused the pid. Null in a file from before it was recorded
   */
  public record RecordedService(String name, long pid, Instant started, Path log, int statusPort) {

    /** The process, if that pid still runs and is still the one that was started. */
    public Optional<ChildProcess> process() {
      return pid > 0 ? ChildProcess.find(name, pid, started, log) : Optional.empty();
    }
  }

  /** The recorded port, or its default when this state has none (a platform started without that service). */
  public int port(NamedPort port) {
    return ports.getOrDefault(port.key(), port.defaultPort());
  }

  /** Whether any recorded service still runs. */
  boolean anyAlive() {
    return services.stream().anyMatch(s -> s.process().isPresent());
  }
}
