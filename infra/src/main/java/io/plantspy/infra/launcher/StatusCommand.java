package io.plantspy.infra.launcher;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: which recorded services still run and listen; exit 0 only when all do. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows which services of the platform are up.")
final class StatusCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    DetachedPlatform platform = DetachedPlatform.load(state);
    if (!platform.recorded()) {
      System.out.println("PlantSpy platform is not running.");
      return 3;
    }
    String host = platform.properties().getProperty("host", PlatformSettings.DEFAULT_HOST);
    boolean allUp = true;
    for (DetachedPlatform.Entry entry : platform.entries()) {
      int port = port(platform, entry.name());
      boolean alive = entry.process().isPresent();
      boolean listening = port <= 0 || Readiness.listening(host, port);
      allUp &= alive && listening;
      System.out.printf("%-17s %-5s pid %-8d %s%n", entry.name(), alive && listening ? "UP" : "DOWN", entry.pid(),
          port > 0 ? host + ":" + port + (listening ? "" : " (not listening)") : "(no port)");
    }
    return allUp ? 0 : 1;
  }

  private static int port(DetachedPlatform platform, String service) {
    return switch (service) {
      case KafkaBroker.NAME -> platform.port("kafka", 0);
      case MongoService.NAME -> platform.port("mongo", 0);
      case Platform.KeycloakService.NAME -> platform.port("keycloak", 0);
      case ApiService.NAME -> platform.port("api", 0);
      default -> 0;
    };
  }
}
