package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JvmHeapTest {

  private static final long KB = 1024;

  @Test
  void sumsSurvivorsEdenAndOldOfAParallelCollectorJvm() throws IOException {
    // jstat -gc of the ingest API (-XX:+UseParallelGC), with '-' for the concurrent-cycle columns it lacks.
    JvmHeap heap = JvmHeap.parse(fixture("jstat-gc-parallel-api.txt")).orElseThrow();

    assertThat(heap.usedBytes()).isEqualTo(Math.round((7287.1 + 0.0 + 59179.4 + 21195.9) * KB));
    assertThat(heap.oldUsedBytes()).isEqualTo(Math.round(21195.9 * KB));
  }

  @Test
  void readsAG1JvmWhoseFirstSurvivorSpaceIsEmpty() throws IOException {
    // jstat -gc of the Kafka broker (-XX:+UseG1GC).
    JvmHeap heap = JvmHeap.parse(fixture("jstat-gc-g1-kafka.txt")).orElseThrow();

    assertThat(heap.usedBytes()).isEqualTo(Math.round((0.0 + 5120.0 + 6144.0 + 162899.5) * KB));
    assertThat(heap.oldUsedBytes()).isEqualTo(Math.round(162899.5 * KB));
  }

  @Test
  void findsTheColumnsByNameWhereverTheyAre() {
    String reordered = """
         OU      EU    S1U   S0U   YGC
      100.0   20.0    3.0   4.0     7
      """;

    JvmHeap heap = JvmHeap.parse(reordered).orElseThrow();

    assertThat(heap.usedBytes()).isEqualTo(127 * KB);
    assertThat(heap.oldUsedBytes()).isEqualTo(100 * KB);
  }

  @Test
  void anErrorMessageIsNoHeap() {
    assertThat(JvmHeap.parse("12345 not found")).isEmpty();
    assertThat(JvmHeap.parse("")).isEmpty();
  }

  @Test
  void readsARunningJvmWithJstat() {
    JvmHeap heap = JvmHeap.read(ProcessHandle.current().pid()).orElseThrow();

    assertThat(heap.usedBytes()).isPositive().isGreaterThanOrEqualTo(heap.oldUsedBytes());
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = JvmHeapTest.class.getResourceAsStream("/soak/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
