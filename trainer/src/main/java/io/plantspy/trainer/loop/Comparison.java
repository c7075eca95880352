package io.plantspy.trainer.loop;

import java.nio.file.Path;
import java.util.List;

/**
 * Champion and challenger on the same evaluation images: overall top-1, per-class recall, and where each model's
 * predictions were written as CSV.
 */
public record Comparison(int images, double championTop1, double challengerTop1, List<ClassComparison> classes,
    McNemar mcnemar, Path championPredictions, Path challengerPredictions) {

  public Comparison {
    classes = List.copyOf(classes);
  }
}
