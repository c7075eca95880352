package io.plantspy.model.image;

import java.lang.management.ManagementFactory;

/** Reads how many bytes the current thread has allocated, to prove a rejection allocated no raster. */
final class Allocations {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocations() {
  }

  static long currentThread() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }
}
