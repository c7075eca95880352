package io.plantspy.infra.launcher;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: which recorded services still run and listen; exit 0 only when all do. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows which services of the platform are up.")
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    Optional<PlatformState> recorded = new StateFolder(PlantspyLauncher.stateDir()).platform();
    if (recorded.isEmpty() || recorded.get().services().isEmpty()) {
      System.out.println("PlantSpy platform is not running.");
      return 3;
    }
    PlatformState platform = recorded.get();
    String host = platform.host();
    boolean allUp = true;
    for (PlatformState.RecordedService service : platform.services()) {
      int port = service.statusPort();
      boolean alive = service.process().isPresent();
      boolean listening = port <= 0 || Readiness.listening(host, port);
      allUp &= alive && listening;
      System.out.printf("%-17s %-5s pid %-8d %s%n", service.name(), alive && listening ? "UP" : "DOWN",
          service.pid(), port > 0 ? host + ":" + port + (listening ? "" : " (not listening)") : "(no port)");
    }
    return allUp ? 0 : 1;
  }
}
