package io.plantspy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names a service is committed to export, as listed in
 * {@code infra/observability/metrics/<service>.txt}: the names the Grafana dashboard and the alert rules use (the
 * infra module checks them against the list). Each service's scrape test checks that its list is really exported.
 */
public record ExportedMetrics(String service, List<String> names) {

  /** The list of {@code service} (a folder name: {@code ingest-api}, {@code stream-processor}, ...). */
  public static ExportedMetrics of(String service) {
    Path file = listsFolder().resolve(service + ".txt");
    try {
      List<String> names = Files.readAllLines(file).stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      return new ExportedMetrics(service, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of every service's list, found from the working directory (a module's) upwards. */
  public static Path listsFolder() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path lists = dir.resolve("infra/observability/metrics");
      if (Files.isDirectory(lists)) {
        return lists;
      }
    }
    throw new IllegalStateException("no infra/observability/metrics above " + Paths.get("").toAbsolutePath());
  }

  /** Only the names {@code filter} accepts (a test that can see some of them only, say no Kafka client's). */
  public ExportedMetrics only(Predicate<String> filter) {
    return new ExportedMetrics(service, names.stream().filter(filter).toList());
  }

  /** The names without a single sample in {@code scrape} (Prometheus text format). */
  public List<String> missingFrom(String scrape) {
    return names.stream()
        .filter(name -> !Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find())
        .toList();
  }
}
