package io.plantspy.infra.launcher;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Starts requests on a fixed schedule ({@code rate} per second), whether or not earlier ones were answered, so a
 * platform that slows down shows it as latency, not as a lower request rate (a closed loop would wait and hide it).
 * At most {@code maxInFlight} are unanswered at once: a request due while that many are open is not sent but
 * counted as skipped, so a stalled platform never builds an unbounded queue in the client.
 */
final class OpenLoopSender {

  private final double ratePerSecond;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final LongFunction<CompletableFuture<?>> request;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  /**
   * @param request starts one request given the {@link System#nanoTime()} it was due at (latency counts from then,
   *     so a late start is charged to the answer); its future completes when the request has ended, either way
   */
  OpenLoopSender(double ratePerSecond, int maxInFlight, LongFunction<CompletableFuture<?>> request) {
    if (!(ratePerSecond > 0) || maxInFlight < 1) {
      throw new IllegalArgumentException("rate must be positive and maxInFlight at least 1");
    }
    this.ratePerSecond = ratePerSecond;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.request = request;
  }

  /** Sends for {@code duration}: as many requests as the rate schedules in it. */
  void run(Duration duration) {
    run(Math.round(duration.toNanos() / 1e9 * ratePerSecond));
  }

  /** Sends the next {@code slots} scheduled requests, the first one now; returns when the last one is due. */
  void run(long slots) {
    long start = System.nanoTime();
    for (long i = 0; i < slots; i++) {
      long due = start + dueOffsetNanos(i);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (!inFlight.tryAcquire()) {
        skipped.incrementAndGet();
        continue;
      }
      sent.incrementAndGet();
      CompletableFuture<?> answered;
      try {
        answered = request.apply(due);
      } catch (RuntimeException e) {
        inFlight.release();
        throw e;
      }
      answered.whenComplete((result, error) -> inFlight.release());
    }
  }

  /** When request {@code i} is due after the first: computed from the start, so delays never accumulate. */
  long dueOffsetNanos(long i) {
    return Math.round(i * 1e9 / ratePerSecond);
  }

  /** Waits until every sent request has ended, or {@code timeout}; returns whether all have. */
  boolean awaitAnswered(Duration timeout) throws InterruptedException {
    if (!inFlight.tryAcquire(maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    inFlight.release(maxInFlight);
    return true;
  }

  long sent() {
    return sent.get();
  }

  long skipped() {
    return skipped.get();
  }

  int inFlight() {
    return maxInFlight - inFlight.availablePermits();
  }
}
