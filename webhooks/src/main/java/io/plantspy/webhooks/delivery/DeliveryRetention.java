package io.plantspy.webhooks.delivery;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code webhook_deliveries} within its retention: a TTL index on {@code finishedAt} for a real MongoDB, and a
 * periodic sweep, since the platform's embedded mongo-java-server keeps TTL indexes but never deletes by them. The
 * worker's due poll reads that whole collection on the embedded server, so finished deliveries kept for ever would
 * slow every poll. Every instance sweeps; deleting twice is harmless; a failed sweep is logged and tried again.
 */
@Component
class DeliveryRetention {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

  private final DeliveryStore deliveries;
  private final DeliveryRetentionProperties retention;
  private final Clock clock;
  private Disposable sweeps;

  DeliveryRetention(DeliveryStore deliveries, DeliveryRetentionProperties retention, Clock clock) {
    this.deliveries = deliveries;
    this.retention = retention;
    this.clock = clock;
  }

  /** The TTL index (a failure is logged, not fatal: the sweep still deletes), then a sweep every interval. */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    try {
      deliveries.ensureRetention(retention.deliveries()).block(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      log.warn("Delivery retention TTL index not created: {}", e.toString());
    }
    sweeps = Flux.interval(Duration.ZERO, retention.sweepInterval())
        .concatMap(tick -> sweep().onErrorResume(e -> {
          log.warn("Delivery retention sweep failed: {}", e.toString());
          return Mono.empty();
        }))
        .subscribe();
  }

  /** One sweep: how many finished deliveries were deleted. */
  Mono<Long> sweep() {
    return deliveries.deleteFinishedBefore(clock.instant().minus(retention.deliveries()))
        .doOnNext(deleted -> {
          if (deleted > 0) {
            log.info("Delivery retention sweep deleted {} finished deliveries", deleted);
          }
        });
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.dispose();
    }
  }
}
