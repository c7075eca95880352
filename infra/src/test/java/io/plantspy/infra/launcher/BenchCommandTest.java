package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertThat(BenchCommand.median(List.of(0.70, 0.78))).isEqualTo(0.74, Offset.offset(1e-9));
    assertThat(BenchCommand.median(List.of(0.56, 0.55, 0.63).stream().sorted().toList())).isEqualTo(0.56);
  }

  @Test
  void withNoOptionsItMeasuresTheSteadyStateAtTheBenchmarkedLoad() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs();
    // The load BENCHMARKS.md reports, after a warm-up that outlasts the JVMs' compilation (45 s measured the JIT).
    assertThat(bench.images).isEqualTo(3000);
    assertThat(bench.concurrency).isEqualTo(48);
    assertThat(bench.warmup).isGreaterThanOrEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void bulkModeMeasuresInteractiveRequestsAtTheIssuesRateBesideTheJob() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs("--bulk");

    assertThat(bench.bulk).isTrue();
    assertThat(bench.rate).isEqualTo(2.0);
    assertThat(bench.idle).isEqualTo(Duration.ofSeconds(60));
    assertThat(bench.images).as("the issue's 3,000-image job").isEqualTo(3000);
  }
}
