package io.plantspy.processor.inference;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The served release, replaceable while batches run. A batch takes a reference to the release serving when it
 * starts and runs wholly on it; {@link #swap} makes the next batches take the new one, and the old release is
 * closed by whichever comes last: the swap, or the end of the last batch still using it. Each release is closed
 * exactly once, never while a batch runs on it.
 */
public final class HotSwapClassifier implements BatchClassifier, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HotSwapClassifier.class);

  private final AtomicReference<Served> current;

  public HotSwapClassifier(ServableClassifier initial) {
    current = new AtomicReference<>(new Served(initial));
  }

  @Override
  public ClassifiedBatch diagnose(float[] pixels, int count) {
    Served served = acquire();
    try {
      return served.classifier.diagnose(pixels, count);
    } finally {
      served.release();
    }
  }

  @Override
  public String releaseId() {
    Served served = current.get();
    if (served == null) {
      throw new IllegalStateException("the classifier is closed");
    }
    return served.classifier.releaseId();
  }

  /**
   * Serves {@code next} from the next batch on; the release it replaces is closed once no batch uses it.
   *
   * @throws IllegalStateException if this classifier is closed ({@code next} is then closed too)
   */
  public void swap(ServableClassifier next) {
    Served previous = current.getAndUpdate(served -> served == null ? null : new Served(next));
    if (previous == null) {
      next.close();
      throw new IllegalStateException("the classifier is closed");
    }
    log.info("Serving model release {} (was {})", next.releaseId(), previous.classifier.releaseId());
    previous.release(); // the reference "being served" held
  }

  /** Stops serving; the release in use is closed when its last batch ends. */
  @Override
  public void close() {
    Served last = current.getAndSet(null);
    if (last != null) {
      last.release();
    }
  }

  private Served acquire() {
    while (true) {
      Served served = current.get();
      if (served == null) {
        throw new IllegalStateException("the classifier is closed");
      }
      if (served.retain()) {
        return served;
      }
      // Swapped out and released between the read and the retain: the next read sees its successor.
    }
  }

  /** A release with a count of its users: the running batches, plus one while it is the one served. */
  private static final class Served {

    final ServableClassifier classifier;
    private final AtomicInteger references = new AtomicInteger(1);

    Served(ServableClassifier classifier) {
      this.classifier = classifier;
    }

    /** Takes a reference, unless the count already reached zero (then it is closed or closing). */
    boolean retain() {
      while (true) {
        int count = references.get();
        if (count == 0) {
          return false;
        }
        if (references.compareAndSet(count, count + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (references.decrementAndGet() == 0) {
        log.info("Closing model release {}: no batch uses it any more", classifier.releaseId());
        classifier.close();
      }
    }
  }
}
