package io.plantspy.ingest.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Per class: the lab's samples, the base dataset's photos, and whether the champion knows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Every class the champion, the base dataset or a lab has, with their counts")
record LabClassesView(
    @Schema(description = "The release the stream processors serve (the registry's champion, else models/CURRENT)")
    String champion,
    @Schema(description = "The base dataset's folder name; absent when it is not available to the API")
    String baseDataset,
    @Schema(description = "The classes, by name", requiredMode = Schema.RequiredMode.REQUIRED)
    List<ClassView> classes) {

  /** One class. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ClassView(
      @Schema(description = "Crop___Disease or Crop___healthy", requiredMode = Schema.RequiredMode.REQUIRED)
      String label,
      @Schema(description = "Lab samples, withdrawn ones excepted", requiredMode = Schema.RequiredMode.REQUIRED)
      long labSamples,
      @Schema(description = "Photos of it in the base dataset; absent when the dataset is not available")
      Long baseSamples,
      @Schema(description = "Whether the champion release was trained on it",
          requiredMode = Schema.RequiredMode.REQUIRED) boolean knownToChampion) {}

  static LabClassesView of(ClassCatalog.Known known, Map<String, Long> labCounts) {
    List<String> championLabels = known.champion() == null ? List.of() : known.champion().labels();
    TreeSet<String> labels = new TreeSet<>(labCounts.keySet());
    labels.addAll(championLabels);
    labels.addAll(known.baseCounts().keySet());
    List<ClassView> classes = new ArrayList<>(labels.size());
    for (String label : labels) {
      Long base = known.baseDataset() == null ? null : known.baseCounts().getOrDefault(label, 0L);
      classes.add(new ClassView(label, labCounts.getOrDefault(label, 0L), base, championLabels.contains(label)));
    }
    return new LabClassesView(known.champion() == null ? null : known.champion().id(), known.baseDataset(), classes);
  }
}
