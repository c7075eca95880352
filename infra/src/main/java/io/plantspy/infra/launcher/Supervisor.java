package io.plantspy.infra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps the platform's services running: {@link #check()}, called every few seconds by {@code up} (in the
 * foreground, or in the background process {@code up --detach} leaves behind), starts a service whose process died
 * again on the same ports and state, after a backoff and within the {@link RestartBudget}. Each decision is a line
 * in the launcher's output and in the service's own log; {@code platform.json} is rewritten with the new pid and
 * the restart count, which {@code status} shows.
 */
final class Supervisor {

  private final Platform platform;
  private final RestartBudget budget;
  private final LongSupplier nanoClock;
  private final Consumer<String> out;
  // Services waiting for their backoff to pass: when (nanoClock) they may be restarted.
  private final Map<String, Long> dueAt = new HashMap<>();
  // Services that used up their budget: left down, reported once.
  private final Set<String> abandoned = new HashSet<>();

  Supervisor(Platform platform, RestartPolicy policy, LongSupplier nanoClock, Consumer<String> out) {
    this.platform = platform;
    this.budget = new RestartBudget(policy, nanoClock);
    this.nanoClock = nanoClock;
    this.out = out;
  }

  /** Restarts what is due; returns at once when nothing died. Never throws for a service that fails again. */
  void check() {
    for (PlatformService service : platform.exited()) {
      String name = service.name();
      if (abandoned.contains(name)) {
        continue;
      }
      Long due = dueAt.get(name);
      if (due == null) {
        decide(service);
      } else if (nanoClock.getAsLong() - due >= 0) {
        dueAt.remove(name);
        restart(service);
      }
    }
  }

  /**
   * The exit code of a process found dead. Its handle reports the pid gone a moment before the JDK has reaped it
   * (exitValue() then throws), so wait for that briefly.
   */
  private static String exitCode(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "exited";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "exited";
    }
  }

  private void decide(PlatformService service) {
    ChildProcess dead = platform.process(service);
    String exit = dead.process().map(Supervisor::exitCode).orElse("exited");
    RestartPolicy policy = budget.policy();
    budget.take(service.name()).ifPresentOrElse(backoff -> {
      dueAt.put(service.name(), nanoClock.getAsLong() + backoff.toNanos());
      report(service, String.format("%s died (%s); restarting it in %s (restart %d of at most %d within %s)",
          service.name(), exit, DurationConverter.human(backoff), budget.recent(service.name()), policy.maxRestarts(),
          DurationConverter.human(policy.window())));
    }, () -> {
      abandoned.add(service.name());
      report(service, String.format("%s died (%s) and is NOT restarted: it was restarted %d times within %s "
          + "already (up --max-restarts / --restart-window); see its log, then ./plantspy down and up", service.name(),
          exit, policy.maxRestarts(), DurationConverter.human(policy.window())));
    });
  }

  private void restart(PlatformService service) {
    try {
      ChildProcess process = platform.restart(service);
      report(service, service.name() + " restarted (pid " + process.pid() + ")");
      platform.state().savePlatform(platform.describe());
    } catch (ServiceFailedException | IOException | RuntimeException e) {
      // Its process is dead (or never started), so the next check takes it through the budget again.
      report(service, "restarting " + service.name() + " failed: " + e.getMessage());
    }
  }

  // The same line in the launcher's output and in the service's log, where someone reading either looks.
  private void report(PlatformService service, String line) {
    out.accept(line);
    try {
      Files.writeString(platform.state().log(service.name()),
          "=== plantspy launcher " + Instant.now() + ": " + line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      out.accept("(could not write to " + service.name() + "'s log: " + e.getMessage() + ")");
    }
  }
}
