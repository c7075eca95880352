package io.plantspy.model.taxonomy;

import java.util.Locale;
import java.util.Optional;

/**
 * A PlantVillage class name such as {@code Tomato___Late_blight} split into the three answers the product
 * gives: the crop (category), whether the leaf is healthy, and the disease name when it is not.
 */
public record PlantClass(String label, String crop, boolean healthy, Optional<String> disease) {

  private static final String SEPARATOR = "___";

  public static PlantClass parse(String label) {
    int at = label.indexOf(SEPARATOR);
    if (at <= 0 || at + SEPARATOR.length() >= label.length()) {
      throw new IllegalArgumentException("class name must look like Crop___Disease or Crop___healthy: " + label);
    }
    String crop = tidy(label.substring(0, at));
    String condition = label.substring(at + SEPARATOR.length());
    boolean healthy = condition.toLowerCase(Locale.ROOT).equals("healthy");
    return new PlantClass(label, crop, healthy, healthy ? Optional.empty() : Optional.of(tidy(condition)));
  }

  /** True for names the dataset layout uses for leaf classes; other folders (background) are not crops. */
  public static boolean isPlantClass(String label) {
    int at = label.indexOf(SEPARATOR);
    return at > 0 && at + SEPARATOR.length() < label.length();
  }

  public String health() {
    return healthy ? "healthy" : "sick";
  }

  /** Folder names use underscores and trailing underscores ("Common_rust_"); answers read as words. */
  private static String tidy(String part) {
    return part.replace('_', ' ').trim().replaceAll("\\s+", " ");
  }
}
