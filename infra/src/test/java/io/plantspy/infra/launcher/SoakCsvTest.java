package io.plantspy.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakCsvTest {

  @TempDir
  Path dir;

  @Test
  void writesAHeaderWithEachServicesColumnsAndARowPerSample() throws Exception {
    Path file = dir.resolve("samples.csv");
    try (SoakCsv csv = new SoakCsv(file, SoakSamples.SERVICES)) {
      csv.write(SoakSamples.minutes(1, 0).get(0));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> row = List.of(lines.get(1).split(",", -1));
    assertThat(row).hasSameSizeAs(header);
    assertThat(header).contains("p99_ms", "mongo_file_mb", "ingest_api_old_gen_used_mb", "stream_processor_rss_mb");
    assertThat(row.get(header.indexOf("elapsed_s"))).isEqualTo("60.00");
    assertThat(row.get(header.indexOf("p95_ms"))).isEqualTo("601.00");
    assertThat(row.get(header.indexOf("mongo_file_mb"))).isEqualTo("11.00");
    assertThat(row.get(header.indexOf("ingest_api_old_gen_used_mb"))).isEqualTo("50.00");
    assertThat(row.get(header.indexOf("stream_processor_cpu_cores"))).isEqualTo("1.30");
  }

  @Test
  void leavesWhatWasNotReadBlankAndKeepsEveryRowWrittenSoFar() throws Exception {
    Path file = dir.resolve("samples.csv");
    SoakSample unread = new SoakSample(60, 10, 2, new LatencyWindow.Latencies(8, Map.of("503", 2L), 1, 2, 3, 4),
        8, Map.of("ingest-api", new SoakSample.ServiceSample(-1, -1, -1, -1, Double.NaN)), -1, -1);
    SoakCsv csv = new SoakCsv(file, SoakSamples.SERVICES);
    csv.write(unread);

    // Not closed yet: a soak stopped early still has its rows on disk.
    List<String> lines = Files.readAllLines(file);
    csv.close();
    List<String> header = List.of(lines.get(0).split(","));
    List<String> row = List.of(lines.get(1).split(",", -1));
    assertThat(row.get(header.indexOf("failures"))).isEqualTo("503:2");
    assertThat(row.get(header.indexOf("mongo_file_mb"))).isEmpty();
    assertThat(row.get(header.indexOf("ingest_api_heap_used_mb"))).isEmpty();
    assertThat(row.get(header.indexOf("ingest_api_cpu_cores"))).isEmpty();
    assertThat(row.get(header.indexOf("stream_processor_pid"))).isEmpty();
  }
}
