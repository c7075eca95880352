package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What the chaos suite's client knows about every request it sent: the phase (fault) it was first sent in, the
 * diagnosis id the platform gave it (each retry of a request reuses its Idempotency-Key, so every answer must name
 * the same id), and how it ended as the store reports it. The suite's verdict (lost, duplicated, recovered) is
 * computed from here. Thread-safe: the load, the status poller and the suite write to it at once.
 */
final class ChaosLedger {

  /** The outcomes the store reports for a finished diagnosis. */
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";

  /** One request, under its Idempotency-Key. Times are {@code nanoClock} readings. */
  static final class Entry {
    final String key;
    final int phase;
    final long firstSent;
    String id;
    // Every other id an answer named for this key: a second id means the request was queued twice.
    final Set<String> otherIds = new HashSet<>();
    String status;
    String errorCode;

    private Entry(String key, int phase, long firstSent) {
      this.key = key;
      this.phase = phase;
      this.firstSent = firstSent;
    }

    boolean accepted() {
      return id != null;
    }

    boolean finished() {
      return DONE.equals(status) || FAILED.equals(status);
    }
  }

  /** The client's view of one phase: what it sent then and what became of it. */
  record Tally(int sent, int accepted, int done, Map<String, Integer> failedByCode, int unfinished,
      int neverAccepted, int duplicated, Map<String, Integer> refusals) {

    int failed() {
      return failedByCode.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final LongSupplier nanoClock;
  private final Map<String, Entry> byKey = new LinkedHashMap<>();
  private final Map<String, Entry> byId = new HashMap<>();
  // Answers that were not an acceptance, per phase and kind (503, 429, connection refused...), as sent.
  private final Map<Integer, Map<String, Integer>> refusals = new HashMap<>();
  private int phase;

  ChaosLedger(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Requests first sent from now on belong to phase {@code index}. */
  synchronized void startPhase(int index) {
    phase = index;
  }

  /** Records a request about to be sent for the first time. */
  synchronized Entry sent(String key) {
    Entry entry = new Entry(key, phase, nanoClock.getAsLong());
    byKey.put(key, entry);
    return entry;
  }

  /** The platform accepted {@code key}'s request as diagnosis {@code id} (a first answer, or a retry's). */
  synchronized void accepted(String key, String id) {
    Entry entry = byKey.get(key);
    if (entry.id == null) {
      entry.id = id;
      byId.put(id, entry);
    } else if (!entry.id.equals(id)) {
      entry.otherIds.add(id);
    }
  }

  /** An attempt that was not accepted ({@code kind}: the status code, or how the connection failed). */
  synchronized void refused(String kind) {
    refusals.computeIfAbsent(phase, p -> new TreeMap<>()).merge(kind, 1, Integer::sum);
  }

  /** The store says diagnosis {@code id} ended with {@code status} (and {@code errorCode} when FAILED). */
  synchronized void finished(String id, String status, String errorCode) {
    Entry entry = byId.get(id);
    if (entry != null && !entry.finished()) {
      entry.status = status;
      entry.errorCode = errorCode;
    }
  }

  /** Accepted diagnoses the store has not reported finished yet. */
  synchronized List<String> unfinishedIds() {
    return byKey.values().stream().filter(e -> e.accepted() && !e.finished()).map(e -> e.id).toList();
  }

  /** Every accepted diagnosis id. */
  synchronized Set<String> acceptedIds() {
    Set<String> ids = new HashSet<>();
    byKey.values().stream().filter(Entry::accepted).forEach(e -> {
      ids.add(e.id);
      ids.addAll(e.otherIds);
    });
    return ids;
  }

  /**
   * Whether every request first sent before {@code nanoTime} has been accepted and has finished: the platform
   * has caught up with what was asked of it up to then.
   */
  synchronized boolean settledUpTo(long nanoTime) {
    return byKey.values().stream().filter(e -> e.firstSent - nanoTime < 0).allMatch(Entry::finished);
  }

  /** How many requests first sent before {@code nanoTime} have not finished yet. */
  synchronized long outstandingUpTo(long nanoTime) {
    return byKey.values().stream().filter(e -> e.firstSent - nanoTime < 0 && !e.finished()).count();
  }

  /**
   * The tally of {@code phaseIndex}. {@code resultsPerId} is how many committed results each diagnosis id has on
   * the results topic: more than one is a duplicate, as is a key answered with two ids.
   */
  synchronized Tally tally(int phaseIndex, Map<String, Integer> resultsPerId) {
    int sent = 0;
    int accepted = 0;
    int done = 0;
    int unfinished = 0;
    int neverAccepted = 0;
    int duplicated = 0;
    Map<String, Integer> failed = new TreeMap<>();
    for (Entry e : entriesOf(phaseIndex)) {
      sent++;
      if (!e.accepted()) {
        neverAccepted++;
        continue;
      }
      accepted++;
      if (!e.otherIds.isEmpty() || resultsPerId.getOrDefault(e.id, 0) > 1) {
        duplicated++;
      }
      if (DONE.equals(e.status)) {
        done++;
      } else if (FAILED.equals(e.status)) {
        failed.merge(e.errorCode == null ? "(no code)" : e.errorCode, 1, Integer::sum);
      } else {
        unfinished++;
      }
    }
    return new Tally(sent, accepted, done, failed, unfinished, neverAccepted, duplicated,
        Map.copyOf(refusals.getOrDefault(phaseIndex, Map.of())));
  }

  private Collection<Entry> entriesOf(int phaseIndex) {
    List<Entry> entries = new ArrayList<>();
    for (Entry e : byKey.values()) {
      if (e.phase == phaseIndex) {
        entries.add(e);
      }
    }
    return entries;
  }
}
