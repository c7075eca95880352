package io.plantspy.ingest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform already knows of each class, beside the lab samples: whether the champion (the release named by
 * {@code models/CURRENT}, the one the stream processors serve) knows it, from its {@code release.json} labels, and
 * how many photos of it the base dataset holds, counted from the dataset's class folders, because a release records
 * only its split totals, not per-class counts. Read at each call (both can change while the API runs: a promoted
 * release, a grown dataset), off the event loop.
 */
@Component
class ClassCatalog {

  /** The champion's id and labels (its background label excluded), or empty when there is none. */
  record Champion(String id, List<String> labels) {}

  /** The champion, and per-class photo counts of the base dataset (empty when it is not there). */
  record Known(Champion champion, String baseDataset, Map<String, Long> baseCounts) {}

  private final Path modelsDir;
  private final Path baseDataset;
  private final JsonMapper json;

  ClassCatalog(LabProperties props, JsonMapper json) {
    this.modelsDir = props.modelsDir();
    this.baseDataset = props.baseDataset();
    this.json = json;
  }

  Mono<Known> known() {
    return Mono.fromCallable(() -> new Known(champion(),
            Files.isDirectory(baseDataset) ? baseDataset.toAbsolutePath().normalize().getFileName().toString() : null,
            baseCounts()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Champion champion() throws IOException {
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
