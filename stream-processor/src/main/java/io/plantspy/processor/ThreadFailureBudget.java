package io.plantspy.processor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Decides what a stream thread's uncaught exception leads to. While failures are rare (a broker hiccup, a model
 * runtime error on one batch) the thread is replaced and the aborted transaction retried; when they repeat within
 * a short window the fault is one a new thread cannot fix (say a topic with the wrong partition count), so the
 * client shuts down rather than replacing threads forever, and the service exits for its supervisor to see.
 */
final class ThreadFailureBudget {

  private final int maxFailures;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final Deque<Long> recent = new ArrayDeque<>();

  ThreadFailureBudget(int maxFailures, Duration window, LongSupplier nanoClock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be >= 1");
    }
    this.maxFailures = maxFailures;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  synchronized StreamThreadExceptionResponse onFailure() {
    long now = nanoClock.getAsLong();
    while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
      recent.removeFirst();
    }
    recent.addLast(now);
    return recent.size() > maxFailures
        ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT
        : StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
