package io.plantspy.ingest.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counted resource with a total and a per-caller cap (uploads, fetches, waiters). Non-blocking: a request either
 * gets a permit at once or is refused, so a full API answers quickly instead of queueing work it cannot hold.
 */
public final class Permits {

  /** Why a permit was refused. */
  public enum Refusal { CALLER_LIMIT, TOTAL_LIMIT }

  /** A held permit; closing it more than once returns it once. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** Either a permit or the reason there is none. */
  public record Outcome(Permit permit, Refusal refusal) {}

  private final String name;
  private final int total;
  private final int perCaller;
  private final AtomicInteger inUse = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();

  public Permits(String name, int total, int perCaller) {
    this.name = name;
    this.total = total;
    this.perCaller = perCaller;
  }

  public String name() {
    return name;
  }

  /** Permits held now (a gauge, and a leak check in tests). */
  public int inUse() {
    return inUse.get();
  }

  public Outcome tryAcquire(String caller) {
    boolean[] callerFull = {false};
    byCaller.compute(caller, (key, held) -> {
      int n = held == null ? 0 : held;
      if (n >= perCaller) {
        callerFull[0] = true;
        return held;
      }
      return n + 1;
    });
    if (callerFull[0]) {
      return new Outcome(null, Refusal.CALLER_LIMIT);
    }
    if (inUse.incrementAndGet() > total) {
      inUse.decrementAndGet();
      releaseCaller(caller);
      return new Outcome(null, Refusal.TOTAL_LIMIT);
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return new Outcome(() -> {
      if (open.compareAndSet(true, false)) {
        inUse.decrementAndGet();
        releaseCaller(caller);
      }
    }, null);
  }

  private void releaseCaller(String caller) {
    // The entry goes with the caller's last permit, so the map holds only callers with requests in flight.
    byCaller.computeIfPresent(caller, (key, held) -> held <= 1 ? null : held - 1);
  }
}
