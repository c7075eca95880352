package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code down} stops the processes it recorded, and never a stranger that now has one of their pids. */
class DownCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private Process stranger;

  @AfterEach
  void killTheStranger() {
    if (stranger != null) {
      stranger.destroyForcibly();
    }
  }

  @Test
  void aRecordedPidNowOwnedByAnotherProcessIsLeftAlone() throws Exception {
    stranger = new ProcessBuilder("sleep", "60").start();
    Instant strangerStarted = stranger.toHandle().info().startInstant().orElseThrow();
    StateFolder state = new StateFolder(dir);
    // What up recorded: the same pid, but a process that started earlier (the service, long gone).
    state.savePlatform(new PlatformState(PlatformSettings.DEFAULT_HOST, 0, null, Map.of(), List.of(
        new PlatformState.RecordedService("mongo", stranger.pid(), strangerStarted.minusSeconds(3600),
            dir.resolve("mongo.log"), 0, 0))));

    int exit = DownCommand.stop(state, Duration.ofSeconds(5), new PrintStream(printed, true));

    assertThat(exit).isZero();
    assertThat(stranger.isAlive()).as("the process that reused the pid").isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("mongo").contains("already stopped");
    assertThat(state.platform()).isEmpty();
  }

  @Test
  void theRecordedProcessItselfIsStopped() throws Exception {
    stranger = new ProcessBuilder("sleep", "60").start();
    StateFolder state = new StateFolder(dir);
    state.savePlatform(new PlatformState(PlatformSettings.DEFAULT_HOST, 0, null, Map.of(), List.of(
        new PlatformState.RecordedService("mongo", stranger.pid(),
            stranger.toHandle().info().startInstant().orElseThrow(), dir.resolve("mongo.log"), 0, 0))));

    DownCommand.stop(state, Duration.ofSeconds(5), new PrintStream(printed, true));

    assertThat(stranger.isAlive()).isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stopping mongo");
  }
}
