package io.plantspy.ingest.limits;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A budget with a total and a per-caller cap (bytes of uploads, URL fetches, waiters). Each request takes a
 * weight from it (1 for a count, its size for bytes), clamped to the caps so that one request alone always fits.
 * Non-blocking: a request either gets its share at once or is refused, so a full API answers quickly instead of
 * queueing work it cannot hold.
 */
public final class Permits {

  /** Why a permit was refused. */
  public enum Refusal { CALLER_LIMIT, TOTAL_LIMIT }

  /** A held share; closing it more than once returns it once. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** Either a permit or the reason there is none. */
  public record Outcome(Permit permit, Refusal refusal) {}

  private final String name;
  private final long total;
  private final long perCaller;
  private long inUse; // guarded by this
  private final Map<String, Long> byCaller = new HashMap<>(); // guarded by this

  public Permits(String name, long total, long perCaller) {
    this.name = name;
    this.total = total;
    this.perCaller = perCaller;
  }

  public String name() {
    return name;
  }

  /** The weight held now (a gauge, and a leak check in tests). */
  public synchronized long inUse() {
    return inUse;
  }

  public Outcome tryAcquire(String caller) {
    return tryAcquire(caller, 1);
  }

  public Outcome tryAcquire(String caller, long weight) {
    long w = Math.max(1, Math.min(weight, Math.min(perCaller, total)));
    synchronized (this) {
      long held = byCaller.getOrDefault(caller, 0L);
      if (held + w > perCaller) {
        return new Outcome(null, Refusal.CALLER_LIMIT);
      }
      if (inUse + w > total) {
        return new Outcome(null, Refusal.TOTAL_LIMIT);
      }
      inUse += w;
      byCaller.put(caller, held + w);
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return new Outcome(() -> {
      if (open.compareAndSet(true, false)) {
        release(caller, w);
      }
    }, null);
  }

  private synchronized void release(String caller, long weight) {
    inUse -= weight;
    // The entry goes with the caller's last share, so the map holds only callers with requests in flight.
    byCaller.computeIfPresent(caller, (key, held) -> held <= weight ? null : held - weight);
  }
}
