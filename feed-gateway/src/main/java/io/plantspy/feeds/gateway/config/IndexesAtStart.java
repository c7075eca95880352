package io.plantspy.feeds.gateway.config;

import io.plantspy.feeds.gateway.alert.AlertStore;
import io.plantspy.feeds.gateway.device.DeviceStore;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the collections' query indexes once the service is up (idempotent); a failure is logged, not fatal:
 * queries still answer, only slower.
 */
@Component
public class IndexesAtStart {

  private static final Logger log = LoggerFactory.getLogger(IndexesAtStart.class);

  private final DeviceStore devices;
  private final FeedFrameStore frames;
  private final AlertStore alerts;

  public IndexesAtStart(DeviceStore devices, FeedFrameStore frames, AlertStore alerts) {
    this.devices = devices;
    this.frames = frames;
    this.alerts = alerts;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    try {
      devices.ensureIndexes().then(frames.ensureIndexes()).then(alerts.ensureIndexes()).block(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      log.warn("Indexes not created: {}", e.toString());
    }
  }
}
