package io.plantspy.ingest.diagnosis;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Requests waiting on this instance for their result, so the result listener can answer them the moment it has
 * stored a result instead of every waiter polling MongoDB. Several waiters of one id (a retried request with the
 * same Idempotency-Key) share one signal; the entry goes when the last of them is closed.
 */
@Component
public class ResultWaiters {

  private final ConcurrentHashMap<String, Entry> waiting = new ConcurrentHashMap<>();

  /** Starts waiting for {@code id}; close the waiter when done, whatever the outcome. */
  public Waiter register(String id) {
    Entry entry = waiting.compute(id, (key, existing) -> {
      Entry e = existing != null ? existing : new Entry();
      e.waiters++;
      return e;
    });
    return new Waiter(id, entry);
  }

  /** Called once {@code result} is stored: wakes this instance's waiters of that id, if any. */
  public void settled(String id, StoredResult result) {
    Entry entry = waiting.get(id);
    if (entry != null) {
      entry.signal.tryEmitValue(result);
    }
  }

  /** How many ids are being waited on here (a gauge, and a leak check in tests). */
  public int waitingIds() {
    return waiting.size();
  }

  private static final class Entry {
    final Sinks.One<StoredResult> signal = Sinks.one();
    int waiters; // guarded by the map's compute
  }

  /** One caller's wait on one id. */
  public final class Waiter implements AutoCloseable {

    private final String id;
    private final Entry entry;
    private boolean closed;

    private Waiter(String id, Entry entry) {
      this.id = id;
      this.entry = entry;
    }

    /** Emits the stored result when this instance's listener stores it; never completes empty. */
    public Mono<StoredResult> result() {
      return entry.signal.asMono();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      waiting.computeIfPresent(id, (key, e) -> e != entry || --e.waiters > 0 ? e : null);
    }
  }
}
