package io.plantspy.trainerservice.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One release of the registry ({@code model_releases}).
 *
 * @param id the release id (its manifest's)
 * @param location {@code gridfs:<bucket>/<fileId>?sha256=<hex>}, what the announcement carries
 * @param runId the training run that made it; null for the committed release registered at first start
 * @param promoted whether its run's decision promoted it (null without a run)
 * @param reasons the decision's reasons (empty without a run)
 * @param aliases among {@code champion}, {@code challenger}, {@code previous}
 */
@Document("model_releases")
public record ReleaseRecord(
    @Id String id,
    Instant createdAt,
    List<String> labels,
    Map<String, Double> metrics,
    String location,
    String sha256,
    String runId,
    Boolean promoted,
    List<String> reasons,
    List<String> aliases) {

  public ReleaseRecord {
    labels = labels == null ? List.of() : List.copyOf(labels);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public boolean has(String alias) {
    return aliases.contains(alias);
  }
}
