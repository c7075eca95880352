package io.plantspy.ingest.config;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A round of background work run every {@code interval} while the application runs, one round at a time. A failed
 * round is logged and the next one runs at the next interval, so a passing outage never stops the job.
 */
public abstract class PeriodicJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

  private final String name;
  private final Supplier<Duration> interval;
  private Disposable running;

  /** {@code interval} is read at start, so a property record bound later in the constructor can supply it. */
  protected PeriodicJob(String name, Supplier<Duration> interval) {
    this.name = name;
    this.interval = interval;
  }

  /** One round of the job. */
  protected abstract Mono<?> runOnce();

  @Override
  public synchronized void start() {
    Duration every = interval.get();
    running = Flux.interval(every, every)
        .concatMap(tick -> runOnce().onErrorResume(e -> {
          log.warn("{} failed; next try in {}: {}", name, every, e.toString());
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
