package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

  private static final long MS = 1_000_000;

  @Test
  void percentilesAreNearestRank() {
    long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

    assertThat(LatencyWindow.percentile(oneToHundred, 0.50)).isEqualTo(50);
    assertThat(LatencyWindow.percentile(oneToHundred, 0.95)).isEqualTo(95);
    assertThat(LatencyWindow.percentile(oneToHundred, 0.99)).isEqualTo(99);
    assertThat(LatencyWindow.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    assertThat(LatencyWindow.percentile(new long[0], 0.5)).isZero();
  }

  @Test
  void drainReportsTheWindowInMillisAndStartsAnEmptyOne() {
    LatencyWindow window = new LatencyWindow();
    // Out of order, as answers arrive.
    for (long ms : new long[] {30, 10, 40, 20}) {
      window.succeeded(ms * MS);
    }
    window.failed("503");
    window.failed("timeout");
    window.failed("503");

    LatencyWindow.Latencies first = window.drain();
    LatencyWindow.Latencies second = window.drain();

    assertThat(first.succeeded()).isEqualTo(4);
    assertThat(first.p50Millis()).isEqualTo(20);
    assertThat(first.p99Millis()).isEqualTo(40);
    assertThat(first.maxMillis()).isEqualTo(40);
    assertThat(first.failures()).isEqualTo(Map.of("503", 2L, "timeout", 1L));
    assertThat(first.failed()).isEqualTo(3);
    assertThat(first.failuresText()).isEqualTo("503:2 timeout:1");
    assertThat(second.succeeded()).isZero();
    assertThat(second.failed()).isZero();
    // Nothing answered in the second window: it has no latencies rather than latencies of 0.
    assertThat(second.p50Millis()).isNaN();
    assertThat(second.maxMillis()).isNaN();
  }

  @Test
  void keepsEveryLatencyBeyondItsFirstArray() {
    LatencyWindow window = new LatencyWindow();
    for (long ms = 1; ms <= 5000; ms++) {
      window.succeeded(ms * MS);
    }

    LatencyWindow.Latencies all = window.drain();

    assertThat(all.succeeded()).isEqualTo(5000);
    assertThat(all.p50Millis()).isEqualTo(2500);
    assertThat(all.maxMillis()).isEqualTo(5000);
  }
}
