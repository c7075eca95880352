package io.plantspy.processor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The meters of bulk job items, beside the shared ones of {@link DiagnosisMetrics} (which count bulk and interactive
 * requests together): items taken for diagnosis, items of cancelled jobs skipped, and how long bulk batches waited
 * for interactive work. Not tagged with the release: a bulk item is counted before it reaches a model.
 */
public final class BulkMetrics {

  public static final String ITEMS = "plantspy.processor.bulk.items";
  public static final String CANCELLED = "plantspy.processor.bulk.cancelled";
  public static final String YIELD = "plantspy.processor.bulk.yield";

  private final Counter items;
  private final Counter cancelled;
  private final Timer yield;

  public BulkMetrics(MeterRegistry registry) {
    items = Counter.builder(ITEMS).description("Bulk job items taken for diagnosis").register(registry);
    cancelled = Counter.builder(CANCELLED)
        .description("Bulk job items skipped, unanswered, because their job was cancelled").register(registry);
    yield = Timer.builder(YIELD).description("Wait of a bulk batch for interactive requests to be answered")
        .publishPercentileHistogram().register(registry);
  }

  public void itemTaken() {
    items.increment();
  }

  public void cancelledSkipped() {
    cancelled.increment();
  }

  public void yielded(Duration waited) {
    yield.record(waited);
  }
}
