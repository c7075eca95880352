package io.plantspy.ingest.diagnosis;

import io.plantspy.ingest.config.RetentionProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Deletes what has outlived its retention: claim-checked images in GridFS and Idempotency-Key claims. Every
 * instance sweeps; deleting twice is harmless. A failed sweep is logged and tried again at the next interval.
 */
@Component
public class RetentionSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  private final ImageStore images;
  private final IdempotencyStore keys;
  private final RetentionProperties retention;
  private final Clock clock;
  private Disposable running;

  public RetentionSweeper(ImageStore images, IdempotencyStore keys, RetentionProperties retention) {
    this.images = images;
    this.keys = keys;
    this.retention = retention;
    this.clock = Clock.systemUTC();
  }

  /** One sweep: how many images and how many key claims were deleted. */
  public Mono<Tuple2<Long, Long>> sweep() {
    return Mono.zip(images.deleteUploadedBefore(clock.instant().minus(retention.images())), keys.removeExpired())
        .doOnNext(deleted -> {
          if (deleted.getT1() + deleted.getT2() > 0) {
            log.info("Retention sweep deleted {} images and {} idempotency keys", deleted.getT1(), deleted.getT2());
          }
        });
  }

  @Override
  public synchronized void start() {
    running = Flux.interval(retention.sweepInterval(), retention.sweepInterval())
        .concatMap(tick -> sweep().onErrorResume(e -> {
          log.warn("Retention sweep failed; next try in {}: {}", retention.sweepInterval(), e.toString());
          return Mono.empty();
        }))
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.dispose();
      running = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running != null;
  }
}
