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
 * @param launcherPid the launcher that started the services and restarts them when they die (the supervisor):
 *     {@code down} stops it first, or it would start again what {@code down} stops
 * @param launcherStarted when the launcher's process started (null if unknown), to tell it from a reused pid
 * @param ports every service's port, by {@link NamedPort#key()}
 * @param services the started services, in start order
 * @param external the parts that run elsewhere ({@link ExternalParts#addresses()}), by service key; empty in a file
 *     from before they could
 */
public record PlatformState(String host, long launcherPid, Instant launcherStarted, Map<String, Integer> ports,
    List<RecordedService> services, Map<String, String> external) {

  public PlatformState {
    // In start order, as the person reading the file expects.
    ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    services = List.copyOf(services);
    external = external == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(external));
  }

  /** A platform with every part embedded. */
  public PlatformState(String host, long launcherPid, Instant launcherStarted, Map<String, Integer> ports,
      List<RecordedService> services) {
    this(host, launcherPid, launcherStarted, ports, services, Map.of());
  }

  /** The Kafka bootstrap servers the services use: the platform's broker or the cluster it was given. */
  public String kafkaBootstrap() {
    return external.getOrDefault("kafka", host + ":" + port(KafkaService.LISTENER));
  }

  /** The base URL of the Keycloak the services use. */
  public String keycloakUrl() {
    return external.getOrDefault("keycloak", "http://" + host + ":" + port(KeycloakService.HTTP));
  }

  /**
   * A started service: its process and log, and the port {@code status} checks (0 for none).
   *
   * @param started when its process started, as the kernel reports it; a live process under the same pid that
   *     started at another time is a stranger that reused the pid. Null in a file from before it was recorded
   * @param restarts how many times the launcher has started it again after its process died
   */
  public record RecordedService(String name, long pid, Instant started, Path log, int statusPort, int restarts) {

    /** The process, if that pid still runs and is still the one that was started. */
    public Optional<ChildProcess> process() {
      return pid > 0 ? ChildProcess.find(name, pid, started, log) : Optional.empty();
    }
  }

  /** The recorded port, or its default when this state has none (a platform started without that service). */
  public int port(NamedPort port) {
    return ports.getOrDefault(port.key(), port.defaultPort());
  }

  /** Whether the launcher that supervises the services still runs (the same process, not a reused pid). */
  public Optional<ProcessHandle> launcher() {
    if (launcherPid <= 1 || launcherPid == ProcessHandle.current().pid()) {
      return Optional.empty(); // never init, never the process asking
    }
    return ProcessHandle.of(launcherPid).filter(ProcessHandle::isAlive)
        .filter(h -> launcherStarted == null || h.info().startInstant().map(launcherStarted::equals).orElse(true));
  }

  /** Whether any recorded service, or the launcher supervising them, still runs. */
  boolean anyAlive() {
    return launcher().isPresent() || services.stream().anyMatch(s -> s.process().isPresent());
  }
}
