package io.plantspy.infra.launcher;

import java.util.Map;

/**
 * One row of a soak: what the platform's processes and files held at the end of a sample interval, and the answers
 * received during it.
 *
 * @param elapsedSeconds since the measured part of the soak began (after the warm-up)
 * @param sent requests started in the interval
 * @param skipped requests due in the interval but not sent because the in-flight ceiling was reached
 * @param answers the answers received in the interval
 * @param throughputPerSecond successful answers per second over the interval
 * @param services by service name, in start order
 * @param mongoFileBytes the MongoDB server's data file (-1 when absent)
 * @param kafkaSegmentBytes the broker's segment files, the records it keeps (-1 when absent)
 */
record SoakSample(double elapsedSeconds, long sent, long skipped, LatencyWindow.Latencies answers,
    double throughputPerSecond, Map<String, ServiceSample> services, long mongoFileBytes,
    long kafkaSegmentBytes) {

  SoakSample {
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
  }

  /**
   * One service's process at the end of the interval; -1 (or NaN for CPU) where it could not be read.
   *
   * @param pid the JVM read (a restarted service has a new one)
   * @param cpuCores CPU time used in the interval divided by its length: 1.0 is one core busy throughout
   */
  record ServiceSample(long pid, long heapUsedBytes, long oldGenUsedBytes, long residentBytes, double cpuCores) {}
}
