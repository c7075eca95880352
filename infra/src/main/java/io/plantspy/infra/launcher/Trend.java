package io.plantspy.infra.launcher;

import java.util.List;

/** The least-squares straight line through a series of (minutes, value) points: how fast a value drifts. */
final class Trend {

  private Trend() {}

  /** One point: when, in minutes, and the value then. */
  record Point(double minutes, double value) {}

  /**
   * The slope of the least-squares line, in the value's unit per 10 minutes; NaN for fewer than two points at
   * different times, or when any value is NaN (not measured).
   */
  static double slopePerTenMinutes(List<Point> points) {
    int n = points.size();
    if (n < 2 || points.stream().anyMatch(p -> Double.isNaN(p.value()))) {
      return Double.NaN;
    }
    double meanX = points.stream().mapToDouble(Point::minutes).average().orElseThrow();
    double meanY = points.stream().mapToDouble(Point::value).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Point p : points) {
      covariance += (p.minutes() - meanX) * (p.value() - meanY);
      variance += (p.minutes() - meanX) * (p.minutes() - meanX);
    }
    return variance == 0 ? Double.NaN : 10 * covariance / variance;
  }
}
