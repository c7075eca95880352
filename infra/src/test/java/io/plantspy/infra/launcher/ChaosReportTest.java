package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosReportTest {

  @TempDir
  Path dir;

  private static ChaosLedger.Tally tally(int unfinished, int duplicated, int neverAccepted) {
    return new ChaosLedger.Tally(10, 10 - neverAccepted, 9 - unfinished, Map.of("TIMED_OUT", 1), unfinished,
        neverAccepted, duplicated, Map.of("503", 4));
  }

  @Test
  void passesOnlyWhenNothingIsLostDuplicatedOrUnacceptedAndEveryFaultRecovered() {
    Duration recovered = Duration.ofSeconds(12);
    assertThat(new ChaosReport.Row("ok", tally(0, 0, 0), recovered).passed()).isTrue();
    assertThat(new ChaosReport.Row("lost", tally(1, 0, 0), recovered).passed()).isFalse();
    assertThat(new ChaosReport.Row("duplicated", tally(0, 1, 0), recovered).passed()).isFalse();
    assertThat(new ChaosReport.Row("unaccepted", tally(0, 0, 1), recovered).passed()).isFalse();
    assertThat(new ChaosReport.Row("stuck", tally(0, 0, 0), null).passed()).isFalse();
  }

  @Test
  void tableShowsEachPhaseWithFailuresByCodeAndRecovery() {
    ChaosReport report = new ChaosReport();
    report.add(new ChaosReport.Row("broker killed", tally(0, 0, 0), Duration.ofMillis(23_400)));
    report.add(new ChaosReport.Row("MongoDB stopped", tally(0, 0, 0), null));

    String table = report.table();

    assertThat(table).contains("| broker killed | 10 | 10 | 9 | 1 (1 TIMED_OUT) | **0** | **0** | 0 | 4 × 503 | 23.4 s |");
    assertThat(table).contains("| NOT RECOVERED |");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void recordReplacesOnlyTheMarkedSection() throws Exception {
    Path file = dir.resolve("RELIABILITY.md");
    Files.writeString(file, "# Title\nbefore\n" + ChaosReport.BEGIN + "\nold table\n" + ChaosReport.END + "\nafter\n");

    ChaosReport.record(file, "new table\n");

    assertThat(Files.readString(file)).isEqualTo(
        "# Title\nbefore\n" + ChaosReport.BEGIN + "\nnew table\n" + ChaosReport.END + "\nafter\n");
  }

  @Test
  void recordAppendsTheSectionToAFileWithoutOne() throws Exception {
    Path file = dir.resolve("notes.md");
    Files.writeString(file, "# Notes");

    ChaosReport.record(file, "table");

    assertThat(Files.readString(file)).isEqualTo("# Notes\n\n" + ChaosReport.BEGIN + "\ntable\n" + ChaosReport.END + "\n");
  }
}
