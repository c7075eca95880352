package io.plantspy.infra.launcher;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers received since it was last drained: latencies of the successful ones and the failed ones by reason
 * (an HTTP status, or the client's exception). Safe to record into from the HTTP client's threads.
 */
final class LatencyWindow {

  private long[] nanos = new long[1024];
  private int count;
  private Map<String, Long> failures = new TreeMap<>();

  synchronized void succeeded(long latencyNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  synchronized void failed(String reason) {
    failures.merge(reason, 1L, Long::sum);
  }

  /**
   * What was recorded since the last drain; the window starts empty again. A window without an answer has no
   * latencies (NaN, written as an empty cell and left out of trends), not latencies of 0.
   */
  synchronized Latencies drain() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Map<String, Long> failed = failures;
    count = 0;
    failures = new TreeMap<>();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new Latencies(0, failed, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Latencies(sorted.length, failed, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)),
        millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]));
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it
   * (p50 of 1..100 is 50, p99 is 99); 0 for no values.
   */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /**
   * Answers of one window.
   *
   * @param succeeded answers with a diagnosis (HTTP 200)
   * @param failures the other answers by reason, e.g. {@code 503} or {@code HttpTimeoutException}
   */
  record Latencies(long succeeded, Map<String, Long> failures, double p50Millis, double p95Millis,
      double p99Millis, double maxMillis) {

    Latencies {
      failures = Map.copyOf(failures);
    }

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code 503:2 HttpTimeoutException:1}, or empty for none, sorted by reason. */
    String failuresText() {
      StringBuilder text = new StringBuilder();
      new TreeMap<>(failures).forEach((reason, n) -> text.append(text.isEmpty() ? "" : " ").append(reason)
          .append(':').append(n));
      return text.toString();
    }
  }
}
