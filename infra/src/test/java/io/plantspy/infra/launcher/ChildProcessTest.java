package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service started as a child process keeps its log and whatever it writes to its owner. */
class ChildProcessTest {

  @TempDir
  Path dir;

  @Test
  void theLogAndTheFilesTheServiceWritesAreTheOwnersOnly() throws Exception {
    Path log = dir.resolve("logs/writer.log");
    Path written = dir.resolve("data.bin");

    ChildProcess child = ChildProcess.start("writer", List.of("/bin/sh", "-c", "echo secret > data.bin"), dir, log,
        Map.of());
    assertThat(child.process().orElseThrow().waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(written)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    child.stop(Duration.ofSeconds(1));
  }
}
