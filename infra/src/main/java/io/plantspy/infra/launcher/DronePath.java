package io.plantspy.infra.launcher;

import java.util.Locale;

/**
 * A survey drone's lawn-mower path over a rectangular field: rows east and west in turn, a row spacing apart,
 * starting at the field's south-west corner; positions step along it frame by frame and start over at the end.
 */
final class DronePath {

  private static final double METRES_PER_DEGREE_LAT = 111_320;

  private final double south;
  private final double west;
  private final int rows;
  private final int stepsPerRow;
  private final double rowSpacingDeg;
  private final double stepDeg;
  private final double altitude;

  /**
   * @param widthMetres east-west extent; {@code heightMetres} north-south extent
   * @param stepMetres distance flown between frames
   */
  DronePath(double south, double west, double widthMetres, double heightMetres, double rowSpacingMetres,
      double stepMetres, double altitude) {
    this.south = south;
    this.west = west;
    this.rows = Math.max(1, (int) Math.floor(heightMetres / rowSpacingMetres) + 1);
    this.stepsPerRow = Math.max(1, (int) Math.floor(widthMetres / stepMetres) + 1);
    this.rowSpacingDeg = rowSpacingMetres / METRES_PER_DEGREE_LAT;
    this.stepDeg = stepMetres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(south)));
    this.altitude = altitude;
  }

  /** Where the drone is at frame {@code n} (0-based). */
  Position at(long n) {
    long i = n % ((long) rows * stepsPerRow);
    int row = (int) (i / stepsPerRow);
    int step = (int) (i % stepsPerRow);
    boolean east = row % 2 == 0;
    double lon = west + (east ? step : stepsPerRow - 1 - step) * stepDeg;
    return new Position(south + row * rowSpacingDeg, lon, altitude, east ? 90.0 : 270.0);
  }

  /** A GPS fix: degrees, metres, heading in degrees clockwise from north. */
  record Position(double lat, double lon, double alt, double heading) {

    String json() {
      return String.format(Locale.ROOT, "\"lat\":%.7f,\"lon\":%.7f,\"alt\":%.1f,\"heading\":%.1f", lat, lon, alt,
          heading);
    }
  }
}
