package io.plantspy.feeds.gateway.frame;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Counter {@code plantspy.feeds.frames}, one series per {@link Outcome}: every frame received ends in one. */
@Component
public class FrameCounters {

  /** What became of a frame. */
  public enum Outcome {
    /** Not a readable frame (envelope, base64, topic). */
    MALFORMED,
    /** Same frame id as one of the device's recent frames. */
    DUPLICATE,
    /** Within the sampling interval of the device's last sampled frame. */
    THROTTLED,
    /** Sampled, then pushed out of its device's full queue by a newer frame. */
    DROPPED_OLDEST,
    /** Sampled, but every device's frames together filled the overall queue. */
    DROPPED_OVERFLOW,
    /** From a device no longer registered. */
    UNKNOWN_DEVICE,
    /** Refused by image vetting (format, size, pixels). */
    INVALID_IMAGE,
    /** Vetted, but the request could not be stored or sent. */
    PUBLISH_FAILED,
    /** Sent to diagnosis. */
    PUBLISHED
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
  private final Counter received;
  private final Counter sampled;

  public FrameCounters(MeterRegistry meters) {
    for (Outcome outcome : Outcome.values()) {
      counters.put(outcome, Counter.builder("plantspy.feeds.frames").tag("outcome", outcome.name().toLowerCase())
          .description("Frames by what became of them").register(meters));
    }
    received = Counter.builder("plantspy.feeds.frames.received").description("Frames taken off MQTT")
        .register(meters);
    sampled = Counter.builder("plantspy.feeds.frames.sampled").description("Frames kept by sampling")
        .register(meters);
  }

  public void received() {
    received.increment();
  }

  public void sampled() {
    sampled.increment();
  }

  public void count(Outcome outcome) {
    counters.get(outcome).increment();
  }

  public long receivedCount() {
    return (long) received.count();
  }

  public long sampledCount() {
    return (long) sampled.count();
  }

  public long countOf(Outcome outcome) {
    return (long) counters.get(outcome).count();
  }
}
