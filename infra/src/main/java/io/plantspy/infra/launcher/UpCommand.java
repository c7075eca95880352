package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code up}: starts the platform and prints where everything is. In the foreground it runs until Ctrl-C and
 * then stops everything; with {@code --detach} it returns once all is ready and leaves the services running.
 * Each service's ports get an option and an environment variable ({@code --api-port}, {@code PLANTSPY_API_PORT}),
 * added by {@link #declarePortOptions} from the services' declarations.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Starts the local platform.")
final class UpCommand implements Callable<Integer> {

  @Option(names = "--detach", description = "Return once everything is ready and leave it running (stop: down).")
  boolean detach;

  @Option(names = "--without", split = ",", paramLabel = "SERVICE", completionCandidates = Services.Keys.class,
      description = "Services not to start: ${COMPLETION-CANDIDATES}")
  List<String> without = List.of();

  @Option(names = "--host", paramLabel = "ADDRESS",
      defaultValue = "${env:PLANTSPY_HOST:-" + PlatformSettings.DEFAULT_HOST + "}",
      description = "The one address of this machine every service listens on (default ${DEFAULT-VALUE}, or "
          + "PLANTSPY_HOST). Anything but the loopback address lets other machines reach the platform.")
  String host;

  @Option(names = "--show-passwords",
      description = "Print the demo users' and Keycloak admin's passwords (shown by default at the first start "
          + "only; ./plantspy passwords prints them any time).")
  boolean showPasswords;

  @Spec
  CommandSpec spec;

  /** Adds {@code --KEY-port} (default: {@code PLANTSPY_KEY_PORT}, else the declared default) for every port. */
  static void declarePortOptions(CommandSpec up) {
    for (NamedPort port : Services.ports()) {
      up.addOption(OptionSpec.builder(port.option()).type(int.class).paramLabel("PORT")
          .defaultValue("${env:" + port.environmentVariable() + ":-" + port.defaultPort() + "}")
          .description("default ${DEFAULT-VALUE} (or " + port.environmentVariable() + ")").build());
    }
  }

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    if (state.platform().map(PlatformState::anyAlive).orElse(false)) {
      System.err.println("The platform is already running (see ./plantspy status); stop it with ./plantspy down.");
      return 1;
    }
    PlatformSettings settings = settings(state);
    List<PlatformService> services = services();
    // The passwords are generated at the first start: printed then, so the person learns them, and not again.
    boolean firstStart = !java.nio.file.Files.exists(state.usersFile());

    Platform platform;
    try {
      platform = Platform.start(settings, services, line -> System.out.println("[plantspy] " + line));
    } catch (ServiceFailedException e) {
      System.err.println("[plantspy] FAILED: " + e.getMessage());
      System.err.println(e.logTail(40));
      return 1;
    }
    state.savePlatform(platform.describe());
    System.out.println();
    System.out.println("PlantSpy platform is up.");
    platform.summary(firstStart || showPasswords).forEach(System.out::println);
    System.out.println("  Logs              " + state.logs());
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

  /** The settings from the options; the ports' values come from the options {@link #declarePortOptions} added. */
  PlatformSettings settings(StateFolder state) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (NamedPort port : Services.ports()) {
      ports.put(port.key(), spec.findOption(port.option()).<Integer>getValue());
    }
    PlatformSettings.Ports checked;
    try {
      checked = PlatformSettings.Ports.with(ports);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return new PlatformSettings(PlantspyLauncher.repoRoot(), state.root(), host, checked,
        PlatformSettings.jarsFromSystemProperties(),
        new DurationConverter().convert(PlatformSettings.DEFAULT_STOP_TIMEOUT));
  }

  /** Every service but those {@code --without} names, in start order. */
  List<PlatformService> services() {
    Set<PlatformService> skipped = new HashSet<>();
    for (String key : without) {
      skipped.add(Services.byKey(key).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown service '" + key + "' for --without; the services are " + String.join(", ", new Services.Keys()))));
    }
    List<PlatformService> services = new ArrayList<>(Services.ALL);
    services.removeAll(skipped);
    return services;
  }

  /** Waits for Ctrl-C, and says so when a service dies on its own meanwhile (the others keep running). */
  private static void watch(Platform platform, CountDownLatch stopped) throws InterruptedException {
    Set<String> reported = new HashSet<>();
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      for (ChildProcess process : platform.processes()) {
        if (!process.isAlive() && reported.add(process.name())) {
          System.err.println("[plantspy] " + process.name() + " exited; last lines of its log:\n"
              + process.logTail(20));
        }
      }
    }
  }
}
