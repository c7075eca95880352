package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DronePathTest {

  // A 20 m x 10 m field, rows 10 m apart, a frame every 10 m: 3 steps per row, 2 rows.
  private final DronePath path = new DronePath(48.0, 11.0, 20, 10, 10, 10, 30);

  @Test
  void fliesEastThenWestOneRowNorthAndStartsOver() {
    DronePath.Position start = path.at(0);
    DronePath.Position eastEnd = path.at(2);
    DronePath.Position westStart = path.at(3);
    DronePath.Position westEnd = path.at(5);

    assertThat(start.lat()).isEqualTo(48.0);
    assertThat(start.lon()).isEqualTo(11.0);
    assertThat(start.heading()).isEqualTo(90.0);
    assertThat(eastEnd.lat()).isEqualTo(48.0);
    assertThat(eastEnd.lon()).isGreaterThan(start.lon());
    // 20 m east at 48 degrees north.
    assertThat((eastEnd.lon() - start.lon()) * 111_320 * Math.cos(Math.toRadians(48))).isCloseTo(20, within(0.01));
    assertThat(westStart.lat()).isGreaterThan(48.0);
    assertThat(westStart.lon()).isEqualTo(eastEnd.lon());
    assertThat(westStart.heading()).isEqualTo(270.0);
    assertThat(westEnd.lon()).isCloseTo(11.0, within(1e-12));
    assertThat(path.at(6)).isEqualTo(start);
    assertThat(start.alt()).isEqualTo(30.0);
  }

  @Test
  void writesTheEnvelopesGpsFieldsInJson() {
    assertThat(path.at(0).json()).isEqualTo("\"lat\":48.0000000,\"lon\":11.0000000,\"alt\":30.0,\"heading\":90.0");
  }
}
