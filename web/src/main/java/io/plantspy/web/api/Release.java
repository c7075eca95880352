package io.plantspy.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A release of the model registry: its classes, the metrics of its evaluation, its aliases ({@code champion},
 * {@code challenger}, {@code previous}) and, for one a training run made, the run and its decision.
 */
public record Release(String id, Instant createdAt, List<String> labels, Map<String, Double> metrics, String sha256,
    String runId, Boolean promoted, List<String> reasons, List<String> aliases) {

  public static final String CHAMPION = "champion";

  public Release {
    labels = labels == null ? List.of() : List.copyOf(labels);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The metrics by name, for a stable order on the page. */
  public SortedMap<String, Double> sortedMetrics() {
    return new TreeMap<>(metrics);
  }

  public boolean champion() {
    return aliases.contains(CHAMPION);
  }
}
