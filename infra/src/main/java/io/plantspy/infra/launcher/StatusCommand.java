package io.plantspy.infra.launcher;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: which recorded services still run and listen; exit 0 only when all do. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows which services of the platform are up.")
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    return report(new StateFolder(PlantspyLauncher.stateDir()).platform(), System.out);
  }

  /** One line per recorded service; 0 when every one runs and listens, 1 when one does not, 3 when none is up. */
  static int report(Optional<PlatformState> recorded, PrintStream out) {
    if (recorded.isEmpty() || recorded.get().services().isEmpty()) {
      out.println("PlantSpy platform is not running.");
      return 3;
    }
    String host = recorded.get().host();
    boolean allUp = true;
    for (PlatformState.RecordedService service : recorded.get().services()) {
      int port = service.statusPort();
      boolean alive = service.process().isPresent();
      boolean listening = port <= 0 || Readiness.listening(host, port);
      allUp &= alive && listening;
      out.printf("%-17s %-5s pid %-8d %s%s%n", service.name(), alive && listening ? "UP" : "DOWN", service.pid(),
          port > 0 ? host + ":" + port + (listening ? "" : " (not listening)") : "(no port)",
          service.restarts() > 0 ? "  restarted " + service.restarts() + "x" : "");
    }
    // Parts that run elsewhere are not ours to watch: where they are is what the person needs.
    recorded.get().external().forEach((key, address) -> out.printf("%-17s %-5s %s%n", key, "EXT", address));
    out.println(recorded.get().launcher().map(h -> "supervisor        UP    pid " + h.pid()
        + " (restarts a service that dies)").orElse("supervisor        DOWN  (services that die stay down)"));
    return allUp ? 0 : 1;
  }
}
