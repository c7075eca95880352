package io.plantspy.processor.priority;

import java.util.function.Supplier;

/**
 * One batcher's place in line for the shared model: it tells how many requests the batcher holds and runs each of
 * its batches when their turn has come. A lane belongs to one batcher (one stream task) and is closed with it.
 */
public interface Lane extends AutoCloseable {

  /** The batcher now holds {@code requests} requests (buffered, or in the batch being diagnosed). */
  void holding(int requests);

  /** Runs {@code batch} once this lane may; returns its result. */
  <T> T run(Supplier<T> batch);

  /** The batcher is gone: what it held no longer counts. */
  @Override
  void close();

  /** A lane that runs every batch at once and tells nobody: a processor without bulk work, and tests. */
  static Lane ungated() {
    return new Lane() {
      @Override
      public void holding(int requests) {}

      @Override
      public <T> T run(Supplier<T> batch) {
        return batch.get();
      }

      @Override
      public void close() {}
    };
  }
}
