package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakCommandTest {

  @Test
  void withNoOptionsItSoaksHalfAnHourAtSeventyPercentOfCapacityAfterTheBenchWarmUp() {
    SoakCommand soak = new SoakCommand();
    new CommandLine(soak).parseArgs();

    assertThat(soak.duration).isEqualTo(Duration.ofMinutes(30));
    assertThat(soak.rate).isNull();
    assertThat(soak.capacityFraction).isEqualTo(0.7);
    assertThat(soak.warmup).isEqualTo(Duration.ofSeconds(240));
    assertThat(soak.sample).isEqualTo(Duration.ofMinutes(1));
    // Below the API's 200 waiting requests per caller, so the client's ceiling is reached before the API's 429.
    assertThat(soak.maxInFlight).isLessThan(200);
  }

  @Test
  void refusesACapacityFractionAboveOne() {
    CommandLine line = new CommandLine(new SoakCommand());

    // Refused before it connects to any platform (there is none here).
    assertThat(line.execute("--capacity-fraction", "1.5")).isEqualTo(2);
  }
}
