package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertThat(BenchCommand.median(List.of(0.70, 0.78))).isEqualTo(0.74, Offset.offset(1e-9));
    assertThat(BenchCommand.median(List.of(0.56, 0.55, 0.63).stream().sorted().toList())).isEqualTo(0.56);
  }
}
