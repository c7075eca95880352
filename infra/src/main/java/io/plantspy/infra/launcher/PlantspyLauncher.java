package io.plantspy.infra.launcher;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./plantspy up|down|status|token|passwords|diagnose|lab|retrain|releases|bench|chaos|soak|
 * webhooks}: the local
 * platform's command line. The checkout is {@code -Dplantspy.home} (the script sets it), else the working
 * directory.
 */
@Command(name = "plantspy", mixinStandardHelpOptions = true,
    description = "Runs PlantSpy's local platform and talks to it.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, TokenCommand.class, PasswordsCommand.class,
        DiagnoseCommand.class, LabCommand.class, RetrainCommand.class, ReleasesCommand.class, BenchCommand.class,
        ChaosCommand.class, SoakCommand.class, WebhooksCommand.class,
        FeedCommand.class, DevicesCommand.class, JobsCommand.class})
public final class PlantspyLauncher {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, and {@code up}'s port options from the services' declarations. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PlantspyLauncher())
        .setCaseInsensitiveEnumValuesAllowed(true)
        // A platform that is not up (or has no demo users yet) is a message for the person, not a stack trace.
        .setExecutionExceptionHandler((e, line, parsed) -> {
          if (e instanceof DemoTokens.Unavailable) {
            line.getErr().println(e.getMessage());
            return 1;
          }
          throw e;
        });
    UpCommand.declarePortOptions(commandLine.getSubcommands().get("up").getCommandSpec());
    return commandLine;
  }

  /** The checkout the platform runs from. */
  static Path repoRoot() {
    return Path.of(System.getProperty("plantspy.home", ".")).toAbsolutePath().normalize();
  }

  /** The state folder: {@code PLANTSPY_STATE_DIR} if set (tests, second checkouts), else {@code .plantspy/}. */
  static Path stateDir() {
    String configured = System.getenv("PLANTSPY_STATE_DIR");
    return configured != null && !configured.isBlank() ? Path.of(configured) : repoRoot().resolve(".plantspy");
  }
}
