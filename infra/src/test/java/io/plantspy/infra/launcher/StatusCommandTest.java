package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code status} tells a running, listening service from a dead or deaf one, and says so in its exit code. */
class StatusCommandTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void aRunningServiceOnAListeningPortIsUp() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PlatformSettings.DEFAULT_HOST))) {
      int exit = StatusCommand.report(recorded(ProcessHandle.current().pid(), socket.getLocalPort()), out);

      assertThat(exit).isZero();
      assertThat(text()).matches("api +UP +pid \\d+ +127\\.0\\.0\\.1:" + socket.getLocalPort() + "\\R"
          + "supervisor +DOWN .*\\R");
    }
  }

  @Test
  void aRestartedServiceSaysHowOften() throws Exception {
    long pid = ProcessHandle.current().pid();
    PlatformState state = new PlatformState(PlatformSettings.DEFAULT_HOST, 0, null, Map.of(), List.of(
        new PlatformState.RecordedService("mongo", pid, ProcessHandle.current().info().startInstant().orElse(null),
            Path.of("mongo.log"), 0, 2)));

    StatusCommand.report(Optional.of(state), out);

    assertThat(text()).contains("mongo").contains("restarted 2x");
  }

  @Test
  void aServiceWhoseProcessIsGoneIsDownAndStatusFails() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();

    int exit = StatusCommand.report(recorded(finished.pid(), 0), out);

    assertThat(exit).isEqualTo(1);
    assertThat(text()).contains("DOWN").contains("(no port)");
  }

  @Test
  void aRunningServiceThatDoesNotListenIsDown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    int exit = StatusCommand.report(recorded(ProcessHandle.current().pid(), closedPort), out);

    assertThat(exit).isEqualTo(1);
    assertThat(text()).contains("DOWN").contains(closedPort + " (not listening)");
  }

  @Test
  void nothingRecordedMeansNotRunning() {
    assertThat(StatusCommand.report(Optional.empty(), out)).isEqualTo(3);
    assertThat(text()).contains("PlantSpy platform is not running.");
  }

  private static Optional<PlatformState> recorded(long pid, int port) {
    return Optional.of(new PlatformState(PlatformSettings.DEFAULT_HOST, 0, null, Map.of(), List.of(
        new PlatformState.RecordedService("api", pid,
            ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(null), Path.of("api.log"), port, 0))));
  }

  private String text() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
