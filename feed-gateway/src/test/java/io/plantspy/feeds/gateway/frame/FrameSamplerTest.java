package io.plantspy.feeds.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plantspy.feeds.gateway.frame.FrameCounters.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

  private Instant now = Instant.parse("2026-05-01T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final FrameCounters counters = new FrameCounters(new SimpleMeterRegistry());

  @Test
  void keepsOneFramePerDevicePerInterval() {
    FrameSampler sampler = sampler(Duration.ofSeconds(5), 2, 100);
    assertThat(sampler.offer(frame("a", "1"))).isEmpty();
    now = now.plusSeconds(4);
    assertThat(sampler.offer(frame("a", "2"))).contains(Outcome.THROTTLED);
    assertThat(sampler.offer(frame("b", "1"))).as("another device has its own interval").isEmpty();
    now = now.plusSeconds(1);
    assertThat(sampler.offer(frame("a", "3"))).isEmpty();
    assertThat(counters.sampledCount()).isEqualTo(3);
    assertThat(counters.countOf(Outcome.THROTTLED)).isEqualTo(1);
  }

  @Test
  void dropsARepeatedFrameIdEvenAfterTheInterval() {
    FrameSampler sampler = sampler(Duration.ZERO, 10, 100);
    assertThat(sampler.offer(frame("a", "same"))).isEmpty();
    now = now.plusSeconds(60);
    assertThat(sampler.offer(frame("a", "same"))).contains(Outcome.DUPLICATE);
    assertThat(sampler.offer(frame("b", "same"))).as("frame ids are per device").isEmpty();
    assertThat(sampler.offer(frame("a", null))).as("raw frames have no id").isEmpty();
    assertThat(sampler.offer(frame("a", null))).isEmpty();
  }

  @Test
  void aFullDeviceQueueDropsItsOldestFrame() throws Exception {
    FrameSampler sampler = sampler(Duration.ZERO, 2, 100);
    for (String id : List.of("1", "2", "3")) {
      sampler.offer(frame("a", id));
    }
    assertThat(counters.countOf(Outcome.DROPPED_OLDEST)).isEqualTo(1);
    assertThat(drain(sampler)).containsExactly("a/2", "a/3");
  }

  @Test
  void theOverallCapDropsNewFramesOnceReached() throws Exception {
    FrameSampler sampler = sampler(Duration.ZERO, 5, 3);
    for (String device : List.of("a", "b", "c", "d")) {
      sampler.offer(frame(device, "1"));
    }
    assertThat(counters.countOf(Outcome.DROPPED_OVERFLOW)).isEqualTo(1);
    assertThat(sampler.waiting()).isEqualTo(3);
    assertThat(drain(sampler)).containsExactly("a/1", "b/1", "c/1");
  }

  @Test
  void devicesAreServedInTurn() throws Exception {
    FrameSampler sampler = sampler(Duration.ZERO, 5, 100);
    for (String id : List.of("1", "2", "3")) {
      sampler.offer(frame("busy", id));
    }
    sampler.offer(frame("quiet", "1"));
    assertThat(drain(sampler)).containsExactly("busy/1", "quiet/1", "busy/2", "busy/3");
  }

  @Test
  void forgetsADeviceThatStaysIdleAndKeepsOneThatSends() {
    FrameSampler sampler = sampler(Duration.ofSeconds(5), 2, 100);
    sampler.offer(frame("idle", "1"));
    sampler.offer(frame("active", "1"));
    now = now.plus(Duration.ofMinutes(9));
    sampler.offer(frame("active", "2"));
    now = now.plus(Duration.ofMinutes(2));
    assertThat(sampler.devices()).as("only the device heard from within 10 min").isEqualTo(1);
    assertThat(sampler.offer(frame("active", "2"))).as("the kept device still knows its frame ids")
        .contains(Outcome.DUPLICATE);
    assertThat(sampler.offer(frame("idle", "1"))).as("the forgotten one starts afresh").isEmpty();
  }

  @Test
  void keepsADeviceForAtLeastTheSamplingInterval() {
    FrameSampler sampler = new FrameSampler(new SamplingProperties(Duration.ofHours(1), 64, 2, 100, 1,
        Duration.ofMinutes(10)), counters, clock);
    sampler.offer(frame("a", "1"));
    now = now.plus(Duration.ofMinutes(30));
    assertThat(sampler.offer(frame("a", "2"))).as("still within its hour").contains(Outcome.THROTTLED);
  }

  private FrameSampler sampler(Duration interval, int perDevice, int overall) {
    return new FrameSampler(new SamplingProperties(interval, 64, perDevice, overall, 1,
        Duration.ofMinutes(10)), counters, clock);
  }

  private Frame frame(String device, String frameId) {
    return new Frame("farm", device, new byte[] {1}, frameId, null, null, null, null, null, now);
  }

  private static List<String> drain(FrameSampler sampler) throws InterruptedException {
    List<String> taken = new ArrayList<>();
    for (Optional<Frame> f = sampler.take(0, TimeUnit.MILLISECONDS); f.isPresent();
        f = sampler.take(0, TimeUnit.MILLISECONDS)) {
      taken.add(f.get().device() + "/" + f.get().frameId());
    }
    return taken;
  }
}
