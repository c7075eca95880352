package io.plantspy.web.api;

import java.util.List;

/**
 * The lab API's per-class counts: every class the champion release, the base dataset or a lab has.
 *
 * @param champion the release the stream processors serve
 * @param baseDataset the base dataset's folder name; null when the API cannot see it
 */
public record LabClasses(String champion, String baseDataset, List<ClassCount> classes) {

  public LabClasses {
    classes = classes == null ? List.of() : List.copyOf(classes);
  }

  /**
   * One class: lab samples not withdrawn, photos of it in the base dataset (null when unknown), and whether the
   * champion was trained on it.
   */
  public record ClassCount(String label, long labSamples, Long baseSamples, boolean knownToChampion) {}

  /** The lab samples of {@code label}, 0 for a class no lab has. */
  public long labSamplesOf(String label) {
    return classes.stream().filter(c -> c.label().equals(label)).mapToLong(ClassCount::labSamples).sum();
  }
}
