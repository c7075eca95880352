package io.plantspy.ingest.diagnosis;

import io.plantspy.ingest.mongo.DiagnosisDocument;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Requests waiting on this instance for their result, so the result listener can answer them the moment it has
 * stored a result instead of every waiter polling MongoDB. Several waiters of one id (a retried request with the
 * same Idempotency-Key) share one signal; the entry goes when the last of them is closed. A request waited for
 * before it is recorded leaves its diagnosis here too, so that this instance's listener creates a whole document
 * from its result (the result carries only the id and the owner).
 */
@Component
public class ResultWaiters {

  private final ConcurrentHashMap<String, Entry> waiting = new ConcurrentHashMap<>();

  /** Starts waiting for {@code id}; close the waiter when done, whatever the outcome. */
  public Waiter register(String id) {
    return register(id, null);
  }

  /**
   * Starts waiting for a request that is queued but not recorded; until the waiter is closed, {@link #unrecorded}
   * hands {@code pending} (the diagnosis as it would be recorded) to the result listener.
   */
  public Waiter registerUnrecorded(DiagnosisDocument pending) {
    return register(pending.id(), pending);
  }

  private Waiter register(String id, DiagnosisDocument unrecorded) {
    Entry entry = waiting.compute(id, (key, existing) -> {
      Entry e = existing != null ? existing : new Entry();
      e.waiters++;
      if (unrecorded != null) {
        e.unrecorded = unrecorded;
      }
      return e;
    });
    return new Waiter(id, entry);
  }

  /**
   * The diagnosis of a request waited for here and not recorded yet, as it would be recorded; null when nobody
   * here waits for {@code id} that way. Its waiter is closed only once the request is recorded or its result has
   * come, so a result that finds null here finds the document (unless recording it failed).
   */
  public DiagnosisDocument unrecorded(String id) {
    Entry entry = waiting.get(id);
    return entry == null ? null : entry.unrecorded;
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
    volatile DiagnosisDocument unrecorded;
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
