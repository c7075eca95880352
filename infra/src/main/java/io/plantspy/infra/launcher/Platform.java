package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local platform: starts the chosen services in the order given, waits until each is ready, starts one again
 * when asked (the {@link Supervisor} does, when its process died), and stops them in reverse order on
 * {@link #close()}. The Java API behind the {@code up} command.
 */
public final class Platform implements AutoCloseable {

  /** A service this platform started, and its current process. */
  private record Started(PlatformService service, ChildProcess process) {}

  private final ServiceContext context;
  // In start order; an entry is replaced when its service is restarted.
  private final List<Started> started = new ArrayList<>();
  private final Map<String, Integer> restarts = new HashMap<>();
  // Services deliberately kept down for a while (the chaos suite's outages): not reported as exited.
  private final java.util.Set<String> heldDown = new java.util.HashSet<>();
  private boolean closed;

  private Platform(ServiceContext context) {
    this.context = context;
  }

  /**
   * Starts {@code services}, in that order (a sub-list of {@link Services#ALL}), and returns once all are ready.
   * On any failure stops what it started and throws, naming the service; its log tail is in the exception.
   */
  public static Platform start(PlatformSettings settings, List<PlatformService> services, Consumer<String> out)
      throws ServiceFailedException, IOException {
    StateFolder state = new StateFolder(settings.stateDir());
    Platform platform = new Platform(new ServiceContext(settings, state, out, false));
    state.create();
    try {
      prepareExternalParts(platform.context);
      for (PlatformService service : services) {
        platform.start(service);
      }
    } catch (ServiceFailedException | IOException | RuntimeException e) {
      out.accept("stopping what was started...");
      platform.close();
      throw e;
    }
    return platform;
  }

  /** The parts that run elsewhere are made ready first: the services started next need them as they need their own. */
  private static void prepareExternalParts(ServiceContext context) throws ServiceFailedException {
    ExternalParts external = context.settings().external();
    if (external.kafka().isPresent()) {
      KafkaService.prepareExternal(external.kafka().get(), context.out());
    }
    if (external.mongodb().isPresent()) {
      MongoService.awaitExternal(external.mongodb().get(), context.out());
    }
    if (external.keycloak().isPresent()) {
      KeycloakService.prepareExternal(external.keycloak().get(), context);
    }
  }

  private void start(PlatformService service) throws ServiceFailedException, IOException {
    long began = System.nanoTime();
    context.out().accept("starting " + service.name() + " (log: " + context.state().log(service.name()) + ")");
    ChildProcess process = launch(service, -1);
    service.awaitReady(process, context);
    context.out().accept(String.format("%s ready in %.1f s", service.name(), (System.nanoTime() - began) / 1e9));
  }

  /**
   * Starts {@code service} again after its process has died, on the same ports and state, and returns once it is
   * ready. Refused once the platform is closing.
   */
  public ChildProcess restart(PlatformService service) throws ServiceFailedException, IOException {
    int index;
    synchronized (this) {
      index = indexOf(service);
      if (closed || index < 0) {
        throw new ServiceFailedException(service.name(), "not restarted: the platform is stopping", null, null);
      }
      restarts.merge(service.name(), 1, Integer::sum);
    }
    ChildProcess process = launch(service, index);
    // Outside the lock: a Ctrl-C meanwhile stops the new process with the others instead of waiting for it.
    service.awaitReady(process, context);
    return process;
  }

  // Starts the process and records it (appended, or in place of the dead one at index) before waiting for it, so
  // that close() stops it even while it is still starting.
  private ChildProcess launch(PlatformService service, int index) throws ServiceFailedException, IOException {
    for (NamedPort port : service.ports()) {
      requireFree(service, context.settings().port(port));
    }
    ChildProcess process = service.start(context);
    synchronized (this) {
      if (closed) {
        process.stop(context.settings().stopTimeout());
        throw new ServiceFailedException(service.name(), "not started: the platform is stopping", null, null);
      }
      if (index < 0) {
        started.add(new Started(service, process));
      } else {
        started.set(index, new Started(service, process));
      }
    }
    return process;
  }

  /** A port already taken means another platform (or something else) runs there: say so instead of a bind error. */
  private void requireFree(PlatformService service, int port) throws ServiceFailedException {
    String host = context.settings().host();
    if (Readiness.listening(host, port)) {
      throw new ServiceFailedException(service.name(), "port " + port + " on " + host
          + " is already in use (a platform already up? try ./plantspy status / ./plantspy down)", null, null);
    }
  }

  public PlatformSettings settings() {
    return context.settings();
  }

  public StateFolder state() {
    return context.state();
  }

  /** The running services' processes, in start order. */
  public synchronized List<ChildProcess> processes() {
    return started.stream().map(Started::process).toList();
  }

  /** The started services whose process has exited; none once the platform is closing. */
  synchronized List<PlatformService> exited() {
    if (closed) {
      return List.of();
    }
    return started.stream().filter(s -> !s.process().isAlive() && !heldDown.contains(s.service().name()))
        .map(Started::service).toList();
  }

  /**
   * Keeps {@code service} out of {@link #exited()} until {@link #release}: an outage made on purpose (the chaos
   * suite stops MongoDB for a minute) is not for the {@link Supervisor} to end early.
   */
  synchronized void holdDown(PlatformService service) {
    heldDown.add(service.name());
  }

  /** Supervised again: if its process is dead by now, the next check restarts it. */
  synchronized void release(PlatformService service) {
    heldDown.remove(service.name());
  }

  /** The current process of a started service. */
  synchronized ChildProcess process(PlatformService service) {
    return started.get(indexOf(service)).process();
  }

  /** What {@code up} prints about each started service, outermost (the API) first; passwords only if asked. */
  List<String> summary(boolean showSecrets) throws IOException {
    List<Started> outermostFirst;
    synchronized (this) {
      outermostFirst = new ArrayList<>(started);
    }
    java.util.Collections.reverse(outermostFirst);
    List<String> lines = new ArrayList<>();
    for (Started s : outermostFirst) {
      lines.addAll(s.service().summary(context.withSecretsShown(showSecrets)));
    }
    return lines;
  }

  /** What {@code status} and {@code down} need to find this platform again from another process. */
  public synchronized PlatformState describe() {
    PlatformSettings settings = context.settings();
    List<PlatformState.RecordedService> services = started.stream().map(s -> new PlatformState.RecordedService(
        s.service().name(), s.process().pid(), s.process().started(), s.process().log(),
        s.service().ports().isEmpty() ? 0 : settings.port(s.service().ports().get(0)),
        restarts.getOrDefault(s.service().name(), 0))).toList();
    ProcessHandle self = ProcessHandle.current();
    return new PlatformState(settings.host(), self.pid(), self.info().startInstant().orElse(null),
        settings.ports().byKey(), services, settings.external().addresses());
  }

  private int indexOf(PlatformService service) {
    for (int i = 0; i < started.size(); i++) {
      if (started.get(i).service().equals(service)) {
        return i;
      }
    }
    return -1;
  }

  /** Stops every started service, last started first, so none loses what it depends on while stopping. */
  @Override
  public void close() {
    List<Started> lastFirst;
    synchronized (this) {
      closed = true;
      lastFirst = new ArrayList<>(started);
    }
    java.util.Collections.reverse(lastFirst);
    for (Started s : lastFirst) {
      s.process().stop(context.settings().stopTimeout());
    }
  }
}
