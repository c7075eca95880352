package io.plantspy.infra.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure of a soak over time (a service's old generation, p99 latency, the MongoDB file), in the unit it is
 * reported in; the summary's rows and the plot's lines.
 */
record SoakSeries(String name, String unit, List<Trend.Point> points) {

  private static final double MIB = 1024.0 * 1024;

  SoakSeries {
    points = List.copyOf(points);
  }

  /** Every series the summary reports, services in the order given. */
  static List<SoakSeries> all(List<SoakSample> samples, List<String> services) {
    List<SoakSeries> all = new ArrayList<>();
    all.add(of("throughput", "answers/s", samples, SoakSample::throughputPerSecond));
    all.addAll(latencies(samples));
    for (String service : services) {
      all.add(of(service + " heap used", "MiB", samples, s -> mib(service(s, service).heapUsedBytes())));
      all.add(oldGen(samples, service));
      all.add(of(service + " RSS", "MiB", samples, s -> mib(service(s, service).residentBytes())));
      all.add(of(service + " CPU", "cores", samples, s -> service(s, service).cpuCores()));
    }
    all.add(mongoFile(samples));
    all.add(of("Kafka segments", "MiB", samples, s -> mib(s.kafkaSegmentBytes())));
    return all;
  }

  static List<SoakSeries> latencies(List<SoakSample> samples) {
    return List.of(of("latency p50", "ms", samples, s -> s.answers().p50Millis()),
        of("latency p95", "ms", samples, s -> s.answers().p95Millis()),
        of("latency p99", "ms", samples, s -> s.answers().p99Millis()));
  }

  static SoakSeries oldGen(List<SoakSample> samples, String service) {
    return of(service + " old gen", "MiB", samples, s -> mib(service(s, service).oldGenUsedBytes()));
  }

  static SoakSeries mongoFile(List<SoakSample> samples) {
    return of("MongoDB file", "MiB", samples, s -> mib(s.mongoFileBytes()));
  }

  /** The values that were measured (NaN marks one that was not). */
  List<Trend.Point> measured() {
    return points.stream().filter(p -> !Double.isNaN(p.value())).toList();
  }

  private static SoakSeries of(String name, String unit, List<SoakSample> samples,
      ToDoubleFunction<SoakSample> value) {
    return new SoakSeries(name, unit,
        samples.stream().map(s -> new Trend.Point(s.elapsedSeconds() / 60, value.applyAsDouble(s))).toList());
  }

  private static SoakSample.ServiceSample service(SoakSample sample, String name) {
    return sample.services().getOrDefault(name, new SoakSample.ServiceSample(-1, -1, -1, -1, Double.NaN));
  }

  private static double mib(long bytes) {
    return bytes < 0 ? Double.NaN : bytes / MIB;
  }
}
