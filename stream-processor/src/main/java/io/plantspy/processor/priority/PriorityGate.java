package io.plantspy.processor.priority;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps bulk job items from delaying interactive requests on the model both share in one process. Interactive
 * batches never wait here. A bulk batch starts only when no interactive request is held by an interactive batcher
 * (buffered for its batch, or being diagnosed); otherwise its stream thread waits until they are answered, or at
 * most {@code maxYield}, after which it runs anyway, so a steady interactive load slows bulk jobs without stopping
 * them (and the bulk thread's open transaction never nears its timeout). An interactive request thus waits for at
 * most the bulk batches already running when it arrived, never for the bulk backlog.
 */
public final class PriorityGate {

  private final long maxYieldNanos;
  private final Consumer<Duration> onYield;
  // Guarded by this: requests held by all interactive lanes, and interactive batches running now.
  private int interactiveHeld;
  private int interactiveRunning;

  /**
   * @param maxYield longest a bulk batch waits for interactive work; zero makes bulk batches never wait
   * @param onYield told how long each bulk batch that had to wait waited
   */
  public PriorityGate(Duration maxYield, Consumer<Duration> onYield) {
    if (maxYield.isNegative()) {
      throw new IllegalArgumentException("maxYield must not be negative, was " + maxYield);
    }
    this.maxYieldNanos = maxYield.toNanos();
    this.onYield = onYield;
  }

  /** A lane for one interactive batcher: its held requests make bulk batches wait. */
  public Lane interactive() {
    return new InteractiveLane();
  }

  /** A lane for one bulk batcher: its batches wait for interactive work. */
  public Lane bulk() {
    return new BulkLane();
  }

  /** Whether no interactive request is held or being diagnosed. */
  public synchronized boolean interactiveIdle() {
    return interactiveHeld == 0 && interactiveRunning == 0;
  }

  private synchronized void held(InteractiveLane lane, int requests) {
    interactiveHeld += requests - lane.held;
    lane.held = requests;
    signalIfIdle();
  }

  private synchronized void running(int delta) {
    interactiveRunning += delta;
    signalIfIdle();
  }

  private void signalIfIdle() {
    if (interactiveIdle()) {
      notifyAll();
    }
  }

  /** Waits until interactive work is done or {@code maxYield} has passed; returns the nanoseconds waited. */
  private synchronized long awaitInteractiveIdle() {
    long start = System.nanoTime();
    long deadline = start + maxYieldNanos;
    try {
      for (long left = maxYieldNanos; !interactiveIdle() && left > 0; left = deadline - System.nanoTime()) {
        wait(left / 1_000_000, (int) (left % 1_000_000));
      }
    } catch (InterruptedException e) {
      // Shutting down: run the batch now (or let the caller see the flag) rather than lose the wait's purpose.
      Thread.currentThread().interrupt();
    }
    return System.nanoTime() - start;
  }

  private final class InteractiveLane implements Lane {

    // Guarded by the gate.
    private int held;

    @Override
    public void holding(int requests) {
      held(this, requests);
    }

    @Override
    public <T> T run(Supplier<T> batch) {
      running(1);
      try {
        return batch.get();
      } finally {
        running(-1);
      }
    }

    @Override
    public void close() {
      held(this, 0);
    }
  }

  private final class BulkLane implements Lane {

    @Override
    public void holding(int requests) {}

    @Override
    public <T> T run(Supplier<T> batch) {
      if (maxYieldNanos > 0 && !interactiveIdle()) {
        onYield.accept(Duration.ofNanos(awaitInteractiveIdle()));
      }
      return batch.get();
    }

    @Override
    public void close() {}
  }
}
