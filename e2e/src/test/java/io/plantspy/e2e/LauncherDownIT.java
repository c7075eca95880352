package io.plantspy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantspy.infra.launcher.PlatformState;
import io.plantspy.infra.launcher.Services;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ./plantspy down} stops the platform {@code up --detach} started: last, as the other classes need it. */
@Order(3)
@ExtendWith(ScriptedPlatformExtension.class)
class LauncherDownIT {

  private static ScriptedPlatform platform;
  private static PlatformState before;
  private static PlantspyScript.Result down;

  @BeforeAll
  static void stop(ScriptedPlatform running) throws Exception {
    platform = running;
    before = platform.state().platform().orElseThrow();
    down = platform.run("down");
  }

  @Test
  void stopsEveryServiceItRecorded() {
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(before.services()).hasSameSizeAs(Services.ALL);
    assertThat(before.services()).allSatisfy(service ->
        assertThat(ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false))
            .as("%s (pid %d) after down", service.name(), service.pid()).isFalse());
    assertThat(down.out()).contains("PlantSpy platform stopped.");
  }

  @Test
  void freesEveryPort() {
    assertThat(platform.ports()).allSatisfy((key, port) ->
        assertThat(listening(port)).as("%s port %d after down", key, port).isFalse());
  }

  @Test
  void statusThenSaysNothingRuns() throws Exception {
    PlantspyScript.Result status = platform.run("status");

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.out()).contains("PlantSpy platform is not running.");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ScriptedPlatform.HOST, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
