package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

  @Test
  void aLineGrowingThreePerMinuteGrowsThirtyPerTenMinutes() {
    List<Trend.Point> line = List.of(new Trend.Point(1, 5), new Trend.Point(2, 8), new Trend.Point(3, 11),
        new Trend.Point(5, 17));

    assertThat(Trend.slopePerTenMinutes(line)).isCloseTo(30, within(1e-9));
  }

  @Test
  void noiseAroundAFlatLineHasNoSlopeWhereTheLastTwoPointsWouldSayGrowth() {
    List<Trend.Point> sawtooth = List.of(new Trend.Point(1, 100), new Trend.Point(2, 140), new Trend.Point(3, 100),
        new Trend.Point(4, 140), new Trend.Point(5, 100));

    assertThat(Trend.slopePerTenMinutes(sawtooth)).isCloseTo(0, within(1e-9));
  }

  @Test
  void aStepIsFittedOverAllPoints() {
    // Mean time 2.5; the covariance is 60 and the variance of the times 5: 12 per minute.
    List<Trend.Point> step = List.of(new Trend.Point(1, 100), new Trend.Point(2, 100), new Trend.Point(3, 130),
        new Trend.Point(4, 130));

    assertThat(Trend.slopePerTenMinutes(step)).isCloseTo(120, within(1e-9));
  }

  @Test
  void fewerThanTwoTimesOrAMissingValueHaveNoSlope() {
    assertThat(Trend.slopePerTenMinutes(List.of(new Trend.Point(1, 5)))).isNaN();
    assertThat(Trend.slopePerTenMinutes(List.of(new Trend.Point(1, 5), new Trend.Point(1, 9)))).isNaN();
    assertThat(Trend.slopePerTenMinutes(List.of(new Trend.Point(1, 5), new Trend.Point(2, Double.NaN)))).isNaN();
  }
}
