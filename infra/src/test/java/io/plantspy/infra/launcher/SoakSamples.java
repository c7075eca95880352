package io.plantspy.infra.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Soak samples for tests: two services whose old generation grows by a given amount per minute. */
final class SoakSamples {

  static final List<String> SERVICES = List.of("ingest-api", "stream-processor");
  static final long MIB = 1024 * 1024;

  private SoakSamples() {}

  /** One sample a minute for {@code minutes}; the API's old generation grows {@code apiGrowthMib} each minute. */
  static List<SoakSample> minutes(int minutes, long apiGrowthMib) {
    return java.util.stream.IntStream.rangeClosed(1, minutes).mapToObj(m -> {
      Map<String, SoakSample.ServiceSample> services = new LinkedHashMap<>();
      services.put("ingest-api", new SoakSample.ServiceSample(100, 300 * MIB, (50 + apiGrowthMib * m) * MIB,
          500 * MIB, 0.4));
      services.put("stream-processor", new SoakSample.ServiceSample(200, 400 * MIB, 80 * MIB, 900 * MIB, 1.3));
      LatencyWindow.Latencies answers = new LatencyWindow.Latencies(4200, Map.of(), 300, 600 + m, 800, 1200);
      return new SoakSample(60.0 * m, 4200, 0, answers, 70, services, (10L + m) * MIB, 40 * MIB);
    }).toList();
  }
}
