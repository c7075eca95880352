package io.plantspy.model.release;

import io.plantspy.model.taxonomy.PlantClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a head's class probabilities (and, for a release with a class-distance model, the image's distance to
 * each class) into the product's answers (category, health, disease, top-3) and the open-set {@code unknown}
 * outcome. The trainer evaluates with this same rule, so the metrics in a release are the answers the platform
 * gives.
 */
public final class OpenSetRule {

  private final List<String> labels;
  private final PlantClass[] classes;
  private final int backgroundIndex;
  private final Thresholds thresholds;

  public OpenSetRule(List<String> labels, String backgroundLabel, Thresholds thresholds) {
    this.labels = List.copyOf(labels);
    this.classes = new PlantClass[labels.size()];
    for (int i = 0; i < classes.length; i++) {
      String label = labels.get(i);
      classes[i] = label.equals(backgroundLabel) ? null : PlantClass.parse(label);
    }
    this.backgroundIndex = backgroundLabel == null ? -1 : labels.indexOf(backgroundLabel);
    this.thresholds = thresholds;
  }

  /** Decides with max-softmax alone: only for thresholds without a class distance. */
  public ClassifierAnswer decide(float[] probabilities) {
    return decide(probabilities, null);
  }

  /**
   * @param distances the image's distance to each class (label order), or null when the thresholds use none
   */
  public ClassifierAnswer decide(float[] probabilities, float[] distances) {
    if (probabilities.length != classes.length) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes.length + " labels");
    }
    if (thresholds.usesClassDistance() && (distances == null || distances.length != classes.length)) {
      throw new IllegalArgumentException("this rule needs a distance per label (" + classes.length + "), got "
          + (distances == null ? "none" : distances.length));
    }
    Integer[] order = new Integer[probabilities.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Stable on ties: the lower label index wins, as in a plain argmax.
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]));
    List<LabelConfidence> top3 = new ArrayList<>(3);
    for (int i = 0; i < Math.min(3, order.length); i++) {
      top3.add(new LabelConfidence(labels.get(order[i]), probabilities[order[i]]));
    }
    int best = order[0];
    boolean unknown = best == backgroundIndex || probabilities[best] < thresholds.minConfidence()
        || (thresholds.usesClassDistance() && !(distances[best] <= thresholds.maxClassDistance()));
    if (unknown) {
      return new ClassifierAnswer(labels.get(best), true, Optional.empty(), Optional.empty(), Optional.empty(), top3);
    }
    PlantClass top = classes[best];
    double cropProbability = 0;
    double sameHealthProbability = 0;
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] != null && classes[i].crop().equals(top.crop())) {
        cropProbability += probabilities[i];
        if (classes[i].healthy() == top.healthy()) {
          sameHealthProbability += probabilities[i];
        }
      }
    }
    Optional<LabelConfidence> disease = top.disease().map(name -> new LabelConfidence(name, probabilities[best]));
    return new ClassifierAnswer(top.label(), false,
        Optional.of(new LabelConfidence(top.crop(), Math.min(1, cropProbability))),
        Optional.of(new LabelConfidence(top.health(), Math.min(1, sameHealthProbability))),
        disease, top3);
  }

  public int backgroundIndex() {
    return backgroundIndex;
  }
}
