package io.plantspy.ingest.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The answer to a lab upload: what was stored, what was already there, and the counts afterwards. */
@Schema(description = "What became of each image of a lab upload, and the lab samples per class afterwards")
record LabUploadView(
    @Schema(description = "The class the images were labelled with", requiredMode = Schema.RequiredMode.REQUIRED)
    String label,
    @Schema(description = "Images stored as new samples", requiredMode = Schema.RequiredMode.REQUIRED)
    List<ImageOutcome> stored,
    @Schema(description = "Images whose bytes already are a sample (withdrawn ones excepted): not stored or "
        + "counted again", requiredMode = Schema.RequiredMode.REQUIRED) List<ImageOutcome> duplicates,
    @Schema(description = "Lab samples (not withdrawn) per class, after this upload",
        requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> counts) {

  /** One image part and the sample it is (new, or the earlier one with the same bytes). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImageOutcome(
      @Schema(description = "Position of the image part, from 1", requiredMode = Schema.RequiredMode.REQUIRED)
      int part,
      @Schema(description = "The part's file name") String filename,
      @Schema(description = "Hex SHA-256 of its bytes", requiredMode = Schema.RequiredMode.REQUIRED) String sha256,
      @Schema(description = "The sample id: the new one, or for a duplicate the earlier sample's",
          requiredMode = Schema.RequiredMode.REQUIRED) String sampleId,
      @Schema(description = "For a duplicate: the class the earlier sample has") String existingLabel) {}

  static LabUploadView of(String label, LabSampleService.Accepted accepted) {
    List<ImageOutcome> stored = accepted.outcomes().stream()
        .filter(o -> o instanceof LabSampleService.Outcome.Stored)
        .map(o -> new ImageOutcome(o.image().part(), o.image().filename(), o.image().sha256(),
            ((LabSampleService.Outcome.Stored) o).sample().id(), null))
        .toList();
    List<ImageOutcome> duplicates = accepted.outcomes().stream()
        .filter(o -> o instanceof LabSampleService.Outcome.Duplicate)
        .map(o -> {
          LabSampleDocument existing = ((LabSampleService.Outcome.Duplicate) o).existing();
          return new ImageOutcome(o.image().part(), o.image().filename(), o.image().sha256(), existing.id(),
              existing.label());
        })
        .toList();
    return new LabUploadView(label, stored, duplicates, accepted.counts());
  }
}
