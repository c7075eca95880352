package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor restarts a service that dies, within its budget, and says so where people look. */
class SupervisorTest {

  @TempDir
  Path dir;

  private final List<String> out = new ArrayList<>();

  /** A service whose process lives until its marker file is deleted, or exits at once without one. */
  private static final class Flaky implements PlatformService {
    final AtomicInteger starts = new AtomicInteger();
    final Path keepAlive;

    Flaky(Path keepAlive) {
      this.keepAlive = keepAlive;
    }

    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public String key() {
      return "flaky";
    }

    @Override
    public List<NamedPort> ports() {
      return List.of();
    }

    @Override
    public ChildProcess start(ServiceContext context) throws IOException {
      starts.incrementAndGet();
      return ChildProcess.start(name(), List.of("/bin/sh", "-c",
          "while [ -e '" + keepAlive + "' ]; do sleep 0.1; done; exit 3"), context.state().root(),
          context.state().log(name()), Map.of());
    }

    @Override
    public void awaitReady(ChildProcess process, ServiceContext context) {}
  }

  @Test
  void aServiceThatDiesIsRestartedUntilItsBudgetIsSpentAndEveryStepIsLogged() throws Exception {
    Path keepAlive = Files.createFile(dir.resolve("alive"));
    Flaky flaky = new Flaky(keepAlive);
    try (Platform platform = Platform.start(settings(), List.of(flaky), out::add)) {
      Supervisor supervisor = new Supervisor(platform,
          new RestartPolicy(2, Duration.ofHours(1), Duration.ZERO, Duration.ZERO), System::nanoTime, out::add);
      long firstPid = platform.processes().get(0).pid();
      supervisor.check();
      assertThat(flaky.starts).as("nothing died yet").hasValue(1);

      Files.delete(keepAlive); // from now on every start dies at once
      await(() -> { supervisor.check(); return flaky.starts.get() == 3 && platform.exited().size() == 1; });
      for (int i = 0; i < 5; i++) {
        supervisor.check();
      }

      assertThat(flaky.starts).as("the first start and two restarts, no more").hasValue(3);
      assertThat(platform.processes().get(0).pid()).isNotEqualTo(firstPid);
      assertThat(out).anyMatch(l -> l.contains("flaky died (exit code 3); restarting it"));
      assertThat(out).anyMatch(l -> l.contains("flaky died (exit code 3) and is NOT restarted"));
      String log = Files.readString(platform.state().log("flaky"));
      assertThat(log).contains("restart 1 of at most 2").contains("restart 2 of at most 2").contains("NOT restarted");
      PlatformState recorded = platform.state().platform().orElseThrow();
      assertThat(recorded.services()).singleElement().satisfies(s -> assertThat(s.restarts()).isEqualTo(2));
    }
  }

  @Test
  void aServiceHeldDownOnPurposeIsLeftDownUntilReleased() throws Exception {
    Path keepAlive = Files.createFile(dir.resolve("alive"));
    Flaky flaky = new Flaky(keepAlive);
    try (Platform platform = Platform.start(settings(), List.of(flaky), out::add)) {
      Supervisor supervisor = new Supervisor(platform,
          new RestartPolicy(5, Duration.ofHours(1), Duration.ZERO, Duration.ZERO), System::nanoTime, out::add);
      platform.holdDown(flaky);
      platform.processes().get(0).kill();
      for (int i = 0; i < 5; i++) {
        supervisor.check();
      }
      assertThat(flaky.starts).as("held down: an outage made on purpose").hasValue(1);

      platform.release(flaky);
      await(() -> { supervisor.check(); return flaky.starts.get() == 2; });
      assertThat(platform.processes().get(0).isAlive()).isTrue();
    }
  }

  private PlatformSettings settings() {
    return new PlatformSettings(dir, dir.resolve("state"), PlatformSettings.DEFAULT_HOST,
        PlatformSettings.Ports.defaults(), Map.of(), Duration.ofSeconds(5));
  }

  /** Polls until the condition holds; fails after a minute. */
  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within a minute");
      }
      Thread.sleep(50);
    }
  }
}
