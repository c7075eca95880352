package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void readsVmRssNotThePeak() throws IOException {
    // /proc/PID/status of the ingest API; VmHWM and VmPeak come before VmRSS.
    String status = JvmHeapTest.fixture("proc-status-api.txt")
        .replace("VmHWM:\t  467312 kB", "VmHWM:\t  999999 kB");

    assertThat(ProcessMemory.residentBytes(status)).contains(467312L * 1024);
  }

  @Test
  void aStatusWithoutRssHasNone() {
    assertThat(ProcessMemory.residentBytes("Name:\tjava\nState:\tZ (zombie)\n")).isEmpty();
  }

  @Test
  void readsThisProcess() {
    assertThat(ProcessMemory.residentBytes(ProcessHandle.current().pid())).hasValueSatisfying(
        bytes -> assertThat(bytes).isPositive());
  }
}
