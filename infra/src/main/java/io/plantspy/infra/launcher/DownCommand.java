package io.plantspy.infra.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code down}: stops a platform, its supervising launcher first, then whatever service still runs, last started
 * first (SIGTERM, then SIGKILL); safe to run twice.
 */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops a platform started with up --detach.")
final class DownCommand implements Callable<Integer> {

  @Option(names = "--timeout", defaultValue = PlatformSettings.DEFAULT_STOP_TIMEOUT,
      converter = DurationConverter.class,
      description = "How long each service may take to stop before it is killed (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    return stop(new StateFolder(PlantspyLauncher.stateDir()), timeout, System.out);
  }

  /**
   * Stops what {@code state} records; a recorded pid that now belongs to another process (see
   * {@link PlatformState.RecordedService#process()}) is left alone and reported as already stopped.
   */
  static int stop(StateFolder state, Duration timeout, PrintStream out) throws java.io.IOException {
    Optional<PlatformState> recorded = state.platform();
    if (recorded.isEmpty() || recorded.get().services().isEmpty()) {
      out.println("PlantSpy platform is not running (no " + state.platformFile() + ").");
      return 0;
    }
    Optional<ProcessHandle> supervisor = recorded.get().launcher();
    if (supervisor.isPresent()) {
      // First, or it would start again what is stopped below. Its SIGTERM handler stops the services itself, last
      // started first, each within the timeout; what it leaves running is stopped below.
      out.printf("stopping the supervisor (pid %d), which stops the services%n", supervisor.get().pid());
      new ChildProcess("launcher", supervisor.get(), state.log(UpCommand.LAUNCHER_LOG))
          .stop(timeout.multipliedBy(recorded.get().services().size() + 1L));
    }
    List<PlatformState.RecordedService> services = new ArrayList<>(recorded.get().services());
    Collections.reverse(services);
    for (PlatformState.RecordedService service : services) {
      Optional<ChildProcess> process = service.process();
      if (process.isPresent()) {
        out.printf("stopping %-16s (pid %d)%n", service.name(), service.pid());
        process.get().stop(timeout);
      } else {
        out.printf("%-25s already stopped%n", service.name());
      }
    }
    state.clearPlatform();
    out.println("PlantSpy platform stopped.");
    return 0;
  }
}
