package io.plantspy.web.api;

import java.util.List;
import java.util.Map;

/** What became of each photo of a lab upload (stored, or already a sample) and the counts per class afterwards. */
public record LabUploadResult(String label, List<Outcome> stored, List<Outcome> duplicates, Map<String, Long> counts) {

  public LabUploadResult {
    stored = stored == null ? List.of() : List.copyOf(stored);
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    counts = counts == null ? Map.of() : Map.copyOf(counts);
  }

  /** One photo and its sample: the new one, or for a duplicate the earlier one (with its class). */
  public record Outcome(int part, String filename, String sha256, String sampleId, String existingLabel) {}
}
