package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSamplerTest {

  @TempDir
  Path dir;

  @Test
  void kafkaSizeCountsTheSegmentsNotThePreallocatedIndexes() throws Exception {
    Path partition = Files.createDirectories(dir.resolve("plantspy.requests-0"));
    Files.write(partition.resolve("00000000000000000000.log"), new byte[3000]);
    try (RandomAccessFile index = new RandomAccessFile(partition.resolve("00000000000000000000.index").toFile(),
        "rw")) {
      index.setLength(10 * 1024 * 1024); // as the broker preallocates it
    }
    Files.write(Files.createDirectories(dir.resolve("__cluster_metadata-0")).resolve("00000000000000000000.log"),
        new byte[500]);

    assertThat(PlatformSampler.segmentBytes(dir)).isEqualTo(3500);
    assertThat(PlatformSampler.segmentBytes(dir.resolve("absent"))).isEqualTo(-1);
  }

  @Test
  void readsTheJavaChildOfAStartScriptAsKeycloaksKcShRunsIt() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A shell that keeps running with java as its child, as kc.sh does ('& wait'), not exec'ing it.
    Process script = new ProcessBuilder("sh", "-c", "\"$0\" -cp \"$1\" \"$2\" & wait", java,
        System.getProperty("java.class.path"), Sleeper.class.getName()).start();
    try {
      ProcessHandle child = awaitChild(script.toHandle());

      assertThat(PlatformSampler.jvmPid(script.toHandle())).isEqualTo(child.pid());
      assertThat(PlatformSampler.jvmPid(child)).isEqualTo(child.pid());
      assertThat(PlatformSampler.jvmPid(null)).isEqualTo(-1);
    } finally {
      script.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
    }
  }

  private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Optional<ProcessHandle> child = parent.children().findFirst();
      // Forked as a shell first: wait until it has exec'ed java.
      if (child.isPresent() && child.get().info().command().orElse("").endsWith("/java")) {
        return child.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the script started no java child");
  }

  /** The JVM the script starts: it only waits to be killed. */
  static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(120_000);
    }
  }

  @Test
  void withNoPlatformRecordedThereIsNoServiceToSample() throws Exception {
    PlatformSampler sampler = new PlatformSampler(new StateFolder(dir));

    assertThat(sampler.services()).isEmpty();
    assertThat(sampler.mongoFileBytes()).isEqualTo(-1);
  }
}
