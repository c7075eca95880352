package io.plantspy.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules use only metric names the services really export: every
 * name in their PromQL is in a service's list (infra/observability/metrics), which that service's scrape test checks
 * against its /actuator/prometheus. A renamed meter thus fails a service test; a misspelt query fails here.
 */
class ObservabilityConfigTest {

  private static final Path DIR = Paths.get("observability");
  // What PromQL may name besides metrics: functions, aggregations, keywords (label names are removed beforehand).
  private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "topk", "bottomk",
      "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
      "rate", "irate", "increase", "deriv", "delta", "idelta", "histogram_quantile", "absent", "absent_over_time",
      "max_over_time", "min_over_time", "avg_over_time", "clamp_min", "clamp_max", "vector", "scalar", "abs");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  @Test
  void everyMetricTheDashboardQueriesIsOneAServiceExports() throws IOException {
    JsonNode dashboard = JsonMapper.builder().build().readTree(DIR.resolve("grafana/plantspy.json").toFile());
    List<String> queries = new ArrayList<>();
    dashboard.findValues("expr").forEach(expr -> queries.add(expr.asString()));

    assertThat(queries).as("the dashboard's queries").hasSizeGreaterThan(10);
    assertOnlyExportedMetrics(queries);
  }

  @Test
  void everyMetricTheAlertRulesUseIsOneAServiceExports() throws IOException {
    ObjectMapper yaml = YAMLMapper.builder().build();
    JsonNode rules = yaml.readTree(DIR.resolve("prometheus/alerts.yml").toFile());
    List<String> queries = new ArrayList<>();
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        alerts.add(rule.path("alert").asString());
        queries.add(rule.path("expr").asString());
      }
    }

    assertThat(alerts).contains("PlantSpyConsumerLagGrowing", "PlantSpyDeadLetters", "PlantSpyNoChampionLoaded");
    assertOnlyExportedMetrics(queries);
  }

  @Test
  void metricNamesAreFoundInAQueryAndAMisspeltOneIsNot() {
    assertThat(metricNames("sum by (le, release) (rate(plantspy_processor_batch_size_bucket{code=~\"A|B\"}[5m]))"))
        .containsExactly("plantspy_processor_batch_size_bucket");
    assertThat(exported()).doesNotContain("plantspy_processor_batchsize_bucket");
  }

  private static void assertOnlyExportedMetrics(List<String> queries) {
    Set<String> exported = exported();
    for (String query : queries) {
      assertThat(metricNames(query)).as("metrics of %s", query).isNotEmpty().isSubsetOf(exported);
    }
  }

  /** The metric names in a PromQL expression: label matchers, grouping labels, strings and ranges removed. */
  static Set<String> metricNames(String query) {
    String bare = query
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")           // string literals
        .replaceAll("\\{[^}]*}", "")                               // label matchers
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "$1") // label lists
        .replaceAll("\\[[^\\]]*]", "")                             // ranges, [$__rate_interval]
        .replaceAll("\\b\\d+(\\.\\d+)?(e\\d+)?\\b", "");           // numbers
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!PROMQL_WORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** Every service's committed list (see the test-support ExportedMetrics, which reads the same files). */
  private static Set<String> exported() {
    try (Stream<Path> lists = Files.list(DIR.resolve("metrics"))) {
      Set<String> names = new TreeSet<>();
      for (Path list : lists.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.readAllLines(list).stream().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
