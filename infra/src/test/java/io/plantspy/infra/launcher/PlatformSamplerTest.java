package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void withNoPlatformRecordedThereIsNoServiceToSample() throws Exception {
    PlatformSampler sampler = new PlatformSampler(new StateFolder(dir));

    assertThat(sampler.services()).isEmpty();
    assertThat(sampler.mongoFileBytes()).isEqualTo(-1);
  }
}
