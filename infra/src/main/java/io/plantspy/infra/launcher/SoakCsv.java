package io.plantspy.infra.launcher;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code samples.csv}: one row per sample, written and flushed as each is taken (a soak stopped early keeps its
 * rows). The per-service columns are named {@code SERVICE_heap_used_mb} and so on, for the services named at the
 * start; memory in MiB, latency in milliseconds, blank where a figure could not be read.
 */
final class SoakCsv implements Closeable {

  private static final List<String> SERVICE_COLUMNS =
      List.of("pid", "heap_used_mb", "old_gen_used_mb", "rss_mb", "cpu_cores");

  private final Writer out;
  private final List<String> services;

  SoakCsv(Path file, List<String> services) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.services = List.copyOf(services);
    List<String> header = new ArrayList<>(List.of("elapsed_s", "sent", "skipped", "succeeded", "failed",
        "failures", "throughput_per_s", "p50_ms", "p95_ms", "p99_ms", "max_ms", "mongo_file_mb",
        "kafka_segments_mb"));
    for (String service : this.services) {
      SERVICE_COLUMNS.forEach(c -> header.add(column(service, c)));
    }
    line(header);
  }

  /** The column name of one figure of a service: lower case, words joined by underscores. */
  static String column(String service, String figure) {
    return service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_" + figure;
  }

  void write(SoakSample sample) throws IOException {
    LatencyWindow.Latencies answers = sample.answers();
    List<String> row = new ArrayList<>(List.of(number(sample.elapsedSeconds()), Long.toString(sample.sent()),
        Long.toString(sample.skipped()), Long.toString(answers.succeeded()), Long.toString(answers.failed()),
        answers.failuresText(), number(sample.throughputPerSecond()), number(answers.p50Millis()),
        number(answers.p95Millis()), number(answers.p99Millis()), number(answers.maxMillis()),
        mebibytes(sample.mongoFileBytes()), mebibytes(sample.kafkaSegmentBytes())));
    for (String service : services) {
      SoakSample.ServiceSample s = sample.services().get(service);
      if (s == null) {
        SERVICE_COLUMNS.forEach(c -> row.add(""));
        continue;
      }
      row.add(s.pid() < 0 ? "" : Long.toString(s.pid()));
      row.add(mebibytes(s.heapUsedBytes()));
      row.add(mebibytes(s.oldGenUsedBytes()));
      row.add(mebibytes(s.residentBytes()));
      row.add(number(s.cpuCores()));
    }
    line(row);
  }

  private void line(List<String> cells) throws IOException {
    out.write(String.join(",", cells.stream().map(SoakCsv::quoted).toList()));
    out.write('\n');
    out.flush();
  }

  private static String quoted(String cell) {
    return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  private static String mebibytes(long bytes) {
    return bytes < 0 ? "" : number(bytes / (1024.0 * 1024));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
