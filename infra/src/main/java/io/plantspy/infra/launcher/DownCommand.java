package io.plantspy.infra.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code down}: stops a detached platform, last started first (SIGTERM, then SIGKILL); safe to run twice. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops a platform started with up --detach.")
final class DownCommand implements Callable<Integer> {

  @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
      description = "How long each service may take to stop before it is killed (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    StateFolder state = new StateFolder(PlantspyLauncher.stateDir());
    DetachedPlatform platform = DetachedPlatform.load(state);
    if (!platform.recorded()) {
      System.out.println("PlantSpy platform is not running (no " + state.platformFile() + ").");
      return 0;
    }
    List<DetachedPlatform.Entry> entries = new java.util.ArrayList<>(platform.entries());
    java.util.Collections.reverse(entries);
    for (DetachedPlatform.Entry entry : entries) {
      if (entry.process().isPresent()) {
        System.out.printf("stopping %-16s (pid %d)%n", entry.name(), entry.pid());
        entry.process().get().stop(timeout);
      } else {
        System.out.printf("%-25s already stopped%n", entry.name());
      }
    }
    state.clearPlatform();
    System.out.println("PlantSpy platform stopped.");
    return 0;
  }
}
