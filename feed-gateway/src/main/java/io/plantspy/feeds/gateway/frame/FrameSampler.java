package io.plantspy.feeds.gateway.frame;

import io.plantspy.feeds.gateway.frame.FrameCounters.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Per-device sampling and the bounded queues between the MQTT thread and the publishing workers. A frame is kept
 * when its frame id is not among the device's recent ones and the device's last kept frame is at least an interval
 * old (by the gateway's clock: device clocks are not trusted). Kept frames wait in their device's queue (oldest
 * dropped when full) and count against an overall cap (a new frame dropped when reached). Workers take devices in
 * turn, so one busy drone cannot starve fifty cameras. A device idle for {@code idleDevice} is forgotten (expiry
 * after access, timed by the same clock).
 */
@Component
public class FrameSampler {

  private final SamplingProperties properties;
  private final FrameCounters counters;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final Cache<String, Lane> lanes;
  /** Devices with frames waiting, in the order they got their first one. */
  private final ArrayDeque<Lane> turns = new ArrayDeque<>();
  private int waiting;

  public FrameSampler(SamplingProperties properties, FrameCounters counters, Clock clock) {
    this.properties = properties;
    this.counters = counters;
    this.clock = clock;
    Duration idle = properties.idleDevice().compareTo(properties.interval()) > 0 ? properties.idleDevice()
        : properties.interval();
    // Maintenance on the calling thread (under the lock), not on a pool: eviction stays in step with the clock.
    lanes = Caffeine.newBuilder().expireAfterAccess(idle).ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run).build();
  }

  /** Samples {@code frame}; returns the outcome if it was dropped, empty if it waits for a worker. */
  public Optional<Outcome> offer(Frame frame) {
    Instant now = clock.instant();
    lock.lock();
    try {
      Lane lane = lanes.get(frame.device(), d -> new Lane());
      if (frame.frameId() != null && lane.recentIds.contains(frame.frameId())) {
        return drop(Outcome.DUPLICATE);
      }
      if (lane.lastKept != null && now.isBefore(lane.lastKept.plus(properties.interval()))) {
        return drop(Outcome.THROTTLED);
      }
      lane.lastKept = now;
      lane.remember(frame.frameId(), properties.recentFrameIds());
      counters.sampled();
      if (lane.queue.size() >= properties.perDeviceQueue()) {
        lane.queue.pollFirst();
        waiting--;
        counters.count(Outcome.DROPPED_OLDEST);
      }
      if (waiting >= properties.overallQueue()) {
        return drop(Outcome.DROPPED_OVERFLOW);
      }
      lane.queue.addLast(frame);
      waiting++;
      if (!lane.hasTurn) {
        lane.hasTurn = true;
        turns.addLast(lane);
      }
      ready.signal();
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** The next frame to publish, devices taken in turn; empty if none came within {@code timeout}. */
  public Optional<Frame> take(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (turns.isEmpty()) {
        if (nanos <= 0) {
          return Optional.empty();
        }
        nanos = ready.awaitNanos(nanos);
      }
      Lane lane = turns.pollFirst();
      Frame frame = lane.queue.pollFirst();
      waiting--;
      if (lane.queue.isEmpty()) {
        lane.hasTurn = false;
      } else {
        turns.addLast(lane);
      }
      return Optional.of(frame);
    } finally {
      lock.unlock();
    }
  }

  /** Frames waiting for a worker, all devices together. */
  public int waiting() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  /** Devices whose sampling state is kept: those heard from within the idle time. */
  public long devices() {
    lock.lock();
    try {
      lanes.cleanUp();
      return lanes.estimatedSize();
    } finally {
      lock.unlock();
    }
  }

  private Optional<Outcome> drop(Outcome outcome) {
    counters.count(outcome);
    return Optional.of(outcome);
  }

  private static final class Lane {
    final ArrayDeque<Frame> queue = new ArrayDeque<>();
    final LinkedHashSet<String> recentIds = new LinkedHashSet<>();
    Instant lastKept;
    boolean hasTurn;

    void remember(String frameId, int max) {
      if (frameId == null || max == 0) {
        return;
      }
      recentIds.add(frameId);
      if (recentIds.size() > max) {
        recentIds.remove(recentIds.iterator().next());
      }
    }
  }
}
