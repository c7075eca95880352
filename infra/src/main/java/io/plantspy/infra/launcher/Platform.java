package io.plantspy.infra.launcher;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local platform: starts the chosen services in the order given, waits until each is ready, and stops them
 * in reverse order on {@link #close()}. The Java API behind the {@code up} command.
 */
public final class Platform implements AutoCloseable {

  /** A service this platform started, and its process. */
  private record Started(PlatformService service, ChildProcess process) {}

  private final ServiceContext context;
  private final Deque<Started> started = new ArrayDeque<>();

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

  private void start(PlatformService service) throws ServiceFailedException, IOException {
    long began = System.nanoTime();
    context.out().accept("starting " + service.name() + " (log: " + context.state().log(service.name()) + ")");
    for (NamedPort port : service.ports()) {
      requireFree(service, context.settings().port(port));
    }
    ChildProcess process = service.start(context);
    started.push(new Started(service, process));
    service.awaitReady(process, context);
    context.out().accept(String.format("%s ready in %.1f s", service.name(), (System.nanoTime() - began) / 1e9));
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

  /** The running services, in start order. */
  public List<ChildProcess> processes() {
    return inStartOrder().stream().map(Started::process).toList();
  }

  /** What {@code up} prints about each started service, outermost (the API) first; passwords only if asked. */
  List<String> summary(boolean showSecrets) throws IOException {
    List<Started> outermostFirst = new ArrayList<>(started);
    List<String> lines = new ArrayList<>();
    for (Started s : outermostFirst) {
      lines.addAll(s.service().summary(context.withSecretsShown(showSecrets)));
    }
    return lines;
  }

  /** What {@code status} and {@code down} need to find this platform again from another process. */
  public PlatformState describe() {
    PlatformSettings settings = context.settings();
    List<PlatformState.RecordedService> services = inStartOrder().stream().map(s -> new PlatformState.RecordedService(
        s.service().name(), s.process().pid(), s.process().started(), s.process().log(),
        s.service().ports().isEmpty() ? 0 : settings.port(s.service().ports().get(0)))).toList();
    return new PlatformState(settings.host(), ProcessHandle.current().pid(), settings.ports().byKey(), services);
  }

  private List<Started> inStartOrder() {
    List<Started> inOrder = new ArrayList<>(started);
    java.util.Collections.reverse(inOrder);
    return inOrder;
  }

  /** Stops every started service, last started first, so none loses what it depends on while stopping. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      started.pop().process().stop(context.settings().stopTimeout());
    }
  }
}
