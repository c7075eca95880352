package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * then stops everything; with {@code --detach} it starts itself again as a background process (the supervisor,
 * logging to {@code logs/launcher.log}) that does the same, echoes that process's output until all is ready, and
 * returns. Either way the launcher stays as the services' supervisor: one whose process dies is started again
 * (see {@link Supervisor}), and {@code down} stops the supervisor first, which stops the services.
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

  @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
      description = "Use the Kafka cluster at these bootstrap servers instead of starting a broker (or "
          + EXTERNAL_KAFKA + "); PlantSpy's topics are created there if missing.")
  String kafka;

  @Option(names = "--mongodb", paramLabel = "URI",
      description = "Use the MongoDB at this connection string, without a database (or " + EXTERNAL_MONGODB
          + "), instead of starting the embedded one; the services use its database plantspy.")
  String mongodb;

  @Option(names = "--keycloak", paramLabel = "URL",
      description = "Use the Keycloak at this base URL instead of starting one (or " + EXTERNAL_KEYCLOAK + "); "
          + "its admin is " + EXTERNAL_KEYCLOAK_ADMIN_USER + " (default admin) with the password in "
          + EXTERNAL_KEYCLOAK_ADMIN_PASSWORD + ". The realm and demo users are created there if missing.")
  String keycloak;

  @Option(names = "--show-passwords",
      description = "Print the demo users' and Keycloak admin's passwords (shown by default at the first start "
          + "only; ./plantspy passwords prints them any time).")
  boolean showPasswords;

  @Option(names = "--max-restarts", paramLabel = "N", defaultValue = RestartPolicy.DEFAULT_MAX_RESTARTS,
      description = "Restart a service that dies at most N times within the restart window (default "
          + "${DEFAULT-VALUE}; 0: never)")
  int maxRestarts;

  @Option(names = "--restart-window", paramLabel = "DURATION", defaultValue = RestartPolicy.DEFAULT_WINDOW,
      converter = DurationConverter.class, description = "The window --max-restarts counts in (default ${DEFAULT-VALUE})")
  java.time.Duration restartWindow;

  static final String EXTERNAL_KAFKA = "PLANTSPY_KAFKA_BOOTSTRAP_SERVERS";
  static final String EXTERNAL_MONGODB = "PLANTSPY_MONGODB_URI";
  static final String EXTERNAL_KEYCLOAK = "PLANTSPY_KEYCLOAK_URL";
  static final String EXTERNAL_KEYCLOAK_ADMIN_USER = "PLANTSPY_KEYCLOAK_ADMIN_USER";
  static final String EXTERNAL_KEYCLOAK_ADMIN_PASSWORD = "PLANTSPY_KEYCLOAK_ADMIN_PASSWORD";

  /** Set on the background process {@code --detach} starts: the foreground run, ending its output with a marker. */
  @Option(names = "--supervise", hidden = true)
  boolean supervise;

  /** The last line of a background launcher's start-up output: the detaching launcher stops echoing there. */
  static final String DETACHED = "Running in the background. Stop it with ./plantspy down";
  /** The background launcher's log, in the state folder's logs. */
  static final String LAUNCHER_LOG = "launcher";

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
    RestartPolicy restarts;
    try {
      restarts = RestartPolicy.of(maxRestarts, restartWindow);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (detach) {
      return new DetachedLauncher(state).start(supervisorArguments(settings), externalEnvironment(settings.external()));
    }
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
    System.out.println(supervise ? DETACHED : "Press Ctrl-C to stop.");
    System.out.println("[plantspy] restarting a service that dies at most " + restarts.maxRestarts() + " times within "
        + restartWindow.toString().substring(2).toLowerCase());
    System.out.flush();
    watch(new Supervisor(platform, restarts, System::nanoTime, line -> System.err.println("[plantspy] " + line)),
        stopped);
    return 0;
  }

  /** This command line again, resolved (ports, host), for the background process that runs the platform. */
  List<String> supervisorArguments(PlatformSettings settings) {
    List<String> args = new ArrayList<>(List.of("up", "--supervise", "--host", settings.host(),
        "--max-restarts", String.valueOf(maxRestarts), "--restart-window", restartWindow.toString()));
    settings.ports().byKey().forEach((key, port) -> {
      args.add(Services.ports().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().option());
      args.add(String.valueOf(port));
    });
    if (!without.isEmpty()) {
      args.add("--without");
      args.add(String.join(",", without));
    }
    if (showPasswords) {
      args.add("--show-passwords");
    }
    return args;
  }

  /**
   * The parts that run elsewhere, for the background process's environment rather than its command line: a
   * connection string or the Keycloak admin's password on a command line is readable by every user of the machine.
   */
  static Map<String, String> externalEnvironment(ExternalParts external) {
    Map<String, String> env = new LinkedHashMap<>();
    external.kafka().ifPresent(k -> env.put(EXTERNAL_KAFKA, k));
    external.mongodb().ifPresent(m -> env.put(EXTERNAL_MONGODB, m));
    external.keycloak().ifPresent(k -> {
      env.put(EXTERNAL_KEYCLOAK, k.url());
      env.put(EXTERNAL_KEYCLOAK_ADMIN_USER, k.adminUser());
      env.put(EXTERNAL_KEYCLOAK_ADMIN_PASSWORD, k.adminPassword());
    });
    return env;
  }

  /** The parts the options (or their environment variables) say run elsewhere. */
  ExternalParts external(Map<String, String> environment) {
    Optional<ExternalParts.Keycloak> givenKeycloak = given(keycloak, environment, EXTERNAL_KEYCLOAK).map(url -> {
      String password = blankToNull(environment.get(EXTERNAL_KEYCLOAK_ADMIN_PASSWORD));
      if (password == null) {
        throw new ParameterException(spec.commandLine(), "--keycloak needs the password of one of its master-realm "
            + "admins in " + EXTERNAL_KEYCLOAK_ADMIN_PASSWORD + " (the user: " + EXTERNAL_KEYCLOAK_ADMIN_USER
            + ", default admin)");
      }
      return new ExternalParts.Keycloak(url,
          Optional.ofNullable(blankToNull(environment.get(EXTERNAL_KEYCLOAK_ADMIN_USER))).orElse("admin"), password);
    });
    Optional<String> givenMongodb = given(mongodb, environment, EXTERNAL_MONGODB);
    givenMongodb.ifPresent(uri -> {
      try {
        new com.mongodb.ConnectionString(uri);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--mongodb: " + e.getMessage());
      }
    });
    return new ExternalParts(given(kafka, environment, EXTERNAL_KAFKA), givenMongodb, givenKeycloak);
  }

  /** The option's value, else its environment variable's; a blank one is none. */
  private static Optional<String> given(String option, Map<String, String> environment, String variable) {
    return Optional.ofNullable(blankToNull(option)).or(() -> Optional.ofNullable(blankToNull(environment.get(variable))));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
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
        new DurationConverter().convert(PlatformSettings.DEFAULT_STOP_TIMEOUT), external(System.getenv()));
  }

  /** Every service but those {@code --without} names and those that run elsewhere, in start order. */
  List<PlatformService> services() {
    Set<PlatformService> skipped = new HashSet<>();
    for (String key : without) {
      skipped.add(Services.byKey(key).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown service '" + key + "' for --without; the services are " + String.join(", ", new Services.Keys()))));
    }
    external(System.getenv()).replacedServices().forEach(key -> skipped.add(Services.byKey(key).orElseThrow()));
    List<PlatformService> services = new ArrayList<>(Services.ALL);
    services.removeAll(skipped);
    return services;
  }

  /** Until Ctrl-C (or down's SIGTERM), restarts every few seconds what died meanwhile. */
  private static void watch(Supervisor supervisor, CountDownLatch stopped) throws InterruptedException {
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      supervisor.check();
    }
  }
}
