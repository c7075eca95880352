package io.plantspy.feeds.gateway.retention;

import io.plantspy.feeds.gateway.alert.AlertStore;
import io.plantspy.feeds.gateway.frame.FeedFrameStore;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code feed_frames} and {@code alerts} within their retention: TTL indexes for a real MongoDB, created
 * once the service is up, and a periodic sweep, since the platform's embedded mongo-java-server keeps TTL indexes
 * but never deletes by them. Every instance sweeps; deleting twice is harmless; a failed sweep is logged and tried
 * again at the next interval.
 */
@Component
public class RetentionSweeper {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final FeedFrameStore frames;
  private final AlertStore alerts;
  private final RetentionProperties retention;
  private final Clock clock;
  private Disposable sweeps;

  public RetentionSweeper(FeedFrameStore frames, AlertStore alerts, RetentionProperties retention, Clock clock) {
    this.frames = frames;
    this.alerts = alerts;
    this.retention = retention;
    this.clock = clock;
  }

  /** The TTL indexes (a failure is logged, not fatal: the sweep still deletes), then a sweep every interval. */
  @EventListener(ApplicationReadyEvent.class)
  public void start() {
    try {
      frames.ensureRetention(retention.frames()).then(alerts.ensureRetention(retention.alerts()))
          .block(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      log.warn("Retention TTL indexes not created: {}", e.toString());
    }
    sweeps = Flux.interval(retention.sweepInterval())
        .concatMap(tick -> sweep().onErrorResume(e -> {
          log.warn("Retention sweep failed: {}", e.toString());
          return Mono.empty();
        }))
        .subscribe();
  }

  /** One sweep: how many frames and alerts were deleted, together. */
  public Mono<Long> sweep() {
    Instant now = clock.instant();
    return Mono.zip(frames.deleteReceivedBefore(now.minus(retention.frames())),
            alerts.deleteRaisedBefore(now.minus(retention.alerts())))
        .map(deleted -> {
          if (deleted.getT1() + deleted.getT2() > 0) {
            log.info("Retention sweep deleted {} frames and {} alerts", deleted.getT1(), deleted.getT2());
          }
          return deleted.getT1() + deleted.getT2();
        });
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.dispose();
    }
  }
}
