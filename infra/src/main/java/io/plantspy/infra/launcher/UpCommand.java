package io.plantspy.infra.launcher;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code up}: starts the platform and prints where everything is. In the foreground it runs until Ctrl-C and
 * then stops everything; with {@code --detach} it returns once all is ready and leaves the services running.
 * Every port can also be set through the environment ({@code PLANTSPY_API_PORT} and so on).
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts the local platform.")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--detach", description = "Return once everything is ready and leave it running (stop: down).")
  boolean detach;

  @Option(names = "--api-port", defaultValue = "${env:PLANTSPY_API_PORT:-8080}", description = "default ${DEFAULT-VALUE}")
  int apiPort;

  @Option(names = "--keycloak-port", defaultValue = "${env:PLANTSPY_KEYCLOAK_PORT:-8081}",
      description = "default ${DEFAULT-VALUE}")
  int keycloakPort;

  @Option(names = "--keycloak-management-port", defaultValue = "${env:PLANTSPY_KEYCLOAK_MANAGEMENT_PORT:-9001}",
      description = "default ${DEFAULT-VALUE}")
  int keycloakManagementPort;

  @Option(names = "--kafka-port", defaultValue = "${env:PLANTSPY_KAFKA_PORT:-9092}", description = "default ${DEFAULT-VALUE}")
  int kafkaPort;

  @Option(names = "--kafka-controller-port", defaultValue = "${env:PLANTSPY_KAFKA_CONTROLLER_PORT:-9093}",
      description = "default ${DEFAULT-VALUE}")
  int kafkaControllerPort;

  @Option(names = "--mongo-port", defaultValue = "${env:PLANTSPY_MONGO_PORT:-27017}", description = "default ${DEFAULT-VALUE}")
  int mongoPort;

  @Option(names = "--without", split = ",", paramLabel = "SERVICE",
      description = "Services not to start: ${COMPLETION-CANDIDATES}")
  Set<Platform.Service> without = EnumSet.noneOf(Platform.Service.class);

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    DetachedPlatform previous = DetachedPlatform.load(state);
    if (previous.entries().stream().anyMatch(e -> e.process().isPresent())) {
      System.err.println("The platform is already running (see ./plantspy status); stop it with ./plantspy down.");
      return 1;
    }
    PlatformSettings settings = new PlatformSettings(PlantspyLauncher.repoRoot(), state.root(),
        PlatformSettings.DEFAULT_HOST, new PlatformSettings.Ports(apiPort, keycloakPort, keycloakManagementPort,
            kafkaPort, kafkaControllerPort, mongoPort), PlatformSettings.Timeouts.defaults());
    Set<Platform.Service> services = EnumSet.allOf(Platform.Service.class);
    services.removeAll(without);

    Platform platform;
    try {
      platform = Platform.start(settings, services, line -> System.out.println("[plantspy] " + line));
    } catch (ServiceFailedException e) {
      System.err.println("[plantspy] FAILED: " + e.getMessage());
      System.err.println(e.logTail(40));
      return 1;
    }
    state.savePlatform(platform.describe());
    printSummary(platform, services);
    if (detach) {
      System.out.println("Running in the background. Stop it with ./plantspy down");
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C (or SIGTERM) runs this hook: services are stopped last-started first before the JVM exits.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\n[plantspy] stopping...");
      platform.close();
      try {
        state.clearPlatform();
      } catch (java.io.IOException ignored) {
        // A stale file is harmless: status and down check whether its pids still run.
      }
      System.out.println("[plantspy] stopped");
      stopped.countDown();
    }, "plantspy-stop"));
    System.out.println("Press Ctrl-C to stop.");
    watch(platform, stopped);
    return 0;
  }

  /** Waits for Ctrl-C, and says so when a service dies on its own meanwhile (the others keep running). */
  private static void watch(Platform platform, CountDownLatch stopped) throws InterruptedException {
    Set<String> reported = new java.util.HashSet<>();
    while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
      for (ChildProcess process : platform.processes()) {
        if (!process.isAlive() && reported.add(process.name())) {
          System.err.println("[plantspy] " + process.name() + " exited; last lines of its log:\n"
              + process.logTail(20));
        }
      }
    }
  }

  private static void printSummary(Platform platform, Set<Platform.Service> services) throws Exception {
    PlatformSettings s = platform.settings();
    System.out.println();
    System.out.println("PlantSpy platform is up.");
    if (services.contains(Platform.Service.API) && !platform.skipped(Platform.Service.API)) {
      System.out.println("  API               " + s.apiUrl());
      System.out.println("  Swagger UI        " + s.apiUrl() + "/swagger-ui.html");
    }
    if (services.contains(Platform.Service.KEYCLOAK)) {
      Map<String, String> passwords = platform.state().passwords();
      System.out.println("  Keycloak admin    " + s.keycloakUrl() + "/admin/master/console/  (user "
          + Platform.KeycloakService.ADMIN_USER + ", password " + passwords.get(StateFolder.KEYCLOAK_ADMIN) + ")");
      System.out.println("  Keycloak realm    " + s.keycloakUrl() + "/realms/plantspy");
    }
    if (services.contains(Platform.Service.KAFKA)) {
      System.out.println("  Kafka bootstrap   " + s.kafkaBootstrap());
    }
    if (services.contains(Platform.Service.MONGO)) {
      System.out.println("  MongoDB           " + s.mongoUri() + "/plantspy");
    }
    System.out.println("  Logs              " + platform.state().logs());
    if (services.contains(Platform.Service.KEYCLOAK)) {
      Map<String, String> passwords = platform.state().passwords();
      System.out.println("Demo users (realm plantspy; ./plantspy token USER prints a token):");
      for (DemoUser user : DemoUser.ALL) {
        System.out.printf("  %-8s %-22s roles %s%n", user.username(), passwords.get(user.username()),
            String.join(",", user.roles()));
      }
    }
  }

}
