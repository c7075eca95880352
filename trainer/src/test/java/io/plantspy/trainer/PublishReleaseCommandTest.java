package io.plantspy.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code releases publish} as {@code ./plantspy releases publish} runs it. Publishing itself (GridFS, the
 * announcement, processors swapping) is covered by the stream processor's ReleaseSwapIT through the same
 * ReleasePublisher.
 */
class PublishReleaseCommandTest {

  @TempDir
  Path notARelease;

  @Test
  void aFolderWithoutReleaseJsonIsOneErrorLineAndExitCodeOneBeforeConnecting() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = TrainerCli.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));

    // Unreachable addresses: were it to connect first, it would fail differently (and slowly).
    int exitCode = commandLine.execute("releases", "publish", notARelease.toString(),
        "--bootstrap-servers", "127.0.0.1:1", "--mongo-uri", "mongodb://127.0.0.1:1");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("error: no release.json in ").doesNotContain("\n");
  }
}
