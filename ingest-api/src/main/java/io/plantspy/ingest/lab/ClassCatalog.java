package io.plantspy.ingest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform already knows of each class, beside the lab samples: whether the champion knows it, from its
 * labels, and how many photos of it the base dataset holds, counted from the dataset's class folders, because a
 * release records only its split totals, not per-class counts. The champion is the release the stream processors
 * serve: the one with the alias {@code champion} in the trainer service's {@code model_releases} registry or, before
 * the trainer service has registered one, the release named by {@code models/CURRENT}. Read at each call (both can
 * change while the API runs: a promoted release, a grown dataset), off the event loop.
 */
@Component
class ClassCatalog {

  /** The champion's id and labels (its background label excluded), or empty when there is none. */
  record Champion(String id, List<String> labels) {}

  /** The champion, and per-class photo counts of the base dataset (empty when it is not there). */
  record Known(Champion champion, String baseDataset, Map<String, Long> baseCounts) {}

  /** The trainer service's release registry, and the alias of the served release in it. */
  static final String REGISTRY = "model_releases";
  static final String CHAMPION = "champion";

  private final Path modelsDir;
  private final Path baseDataset;
  private final JsonMapper json;
  private final ReactiveMongoTemplate mongo;

  ClassCatalog(LabProperties props, JsonMapper json, ReactiveMongoTemplate mongo) {
    this.modelsDir = props.modelsDir();
    this.baseDataset = props.baseDataset();
    this.json = json;
    this.mongo = mongo;
  }

  Mono<Known> known() {
    return champion().map(Optional::of).defaultIfEmpty(Optional.empty())
        .flatMap(champion -> Mono.fromCallable(() -> new Known(champion.orElse(null), baseDatasetName(), baseCounts()))
            .subscribeOn(Schedulers.boundedElastic()));
  }

  private Mono<Champion> champion() {
    return registeredChampion()
        .switchIfEmpty(Mono.fromCallable(this::committedChampion).subscribeOn(Schedulers.boundedElastic()));
  }

  private String baseDatasetName() {
    return Files.isDirectory(baseDataset) ? baseDataset.toAbsolutePath().normalize().getFileName().toString() : null;
  }

  private Mono<Champion> registeredChampion() {
    return mongo.findOne(Query.query(Criteria.where("aliases").is(CHAMPION)), Document.class, REGISTRY)
        .map(release -> new Champion(release.getString("_id"), release.getList("labels", String.class, List.of())
            .stream().filter(LabLabel::isValid).toList()));
  }

  /** The release {@code models/CURRENT} names, or null. */
  private Champion committedChampion() throws IOException {
    Path current = modelsDir.resolve("CURRENT");
    if (!Files.isRegularFile(current)) {
      return null;
    }
    String id = Files.readString(current, StandardCharsets.UTF_8).strip();
    JsonNode release = json.readTree(
        Files.readString(modelsDir.resolve("releases").resolve(id).resolve("release.json"), StandardCharsets.UTF_8));
    String background = release.path("backgroundLabel").asString(null);
    List<String> labels = new ArrayList<>();
    for (JsonNode label : release.path("labels")) {
      if (!label.asString().equals(background)) {
        labels.add(label.asString());
      }
    }
    return new Champion(release.path("id").asString(id), labels);
  }

  /** Regular files per class folder (folders that are class names; the background folder is not one). */
  private Map<String, Long> baseCounts() {
    Map<String, Long> counts = new TreeMap<>();
    if (!Files.isDirectory(baseDataset)) {
      return counts;
    }
    try (Stream<Path> folders = Files.list(baseDataset)) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        String label = folder.getFileName().toString();
        if (LabLabel.isValid(label)) {
          try (Stream<Path> files = Files.list(folder)) {
            counts.put(label, files.filter(Files::isRegularFile).count());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counts;
  }
}
