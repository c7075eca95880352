package io.plantspy.feeds.gateway.frame;

import io.plantspy.feeds.gateway.frame.FrameCounters.Outcome;
import io.plantspy.feeds.gateway.mqtt.FrameHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where MQTT frames arrive: decoded, counted and sampled on the MQTT thread (cheap, never blocking); a bad frame is
 * logged, counted and dropped, never thrown back into the client.
 */
@Component
public class FrameIntake implements FrameHandler {

  private static final Logger log = LoggerFactory.getLogger(FrameIntake.class);

  private final FrameDecoder decoder;
  private final FrameSampler sampler;
  private final FrameCounters counters;
  private final Clock clock;

  public FrameIntake(FrameDecoder decoder, FrameSampler sampler, FrameCounters counters, Clock clock) {
    this.decoder = decoder;
    this.sampler = sampler;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public void onFrame(String topic, byte[] payload) {
    counters.received();
    try {
      sampler.offer(decoder.decode(topic, payload, clock.instant()));
    } catch (BadFrameException e) {
      log.info("Frame on {} dropped: {}", topic, e.getMessage());
      counters.count(Outcome.MALFORMED);
    } catch (RuntimeException e) {
      log.warn("Frame on {} dropped: {}", topic, e.toString());
      counters.count(Outcome.MALFORMED);
    }
  }
}
