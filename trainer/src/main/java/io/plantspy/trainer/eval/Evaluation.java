package io.plantspy.trainer.eval;

import io.plantspy.model.release.ClassifierAnswer;
import io.plantspy.model.release.OpenSetRule;
import io.plantspy.model.taxonomy.PlantClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a head on a labelled split with the serving decision rule ({@link OpenSetRule}): top-1 accuracy,
 * crop / health / disease accuracy, per-class precision/recall/F1, the confusion matrix and the open-set
 * rates (background photos answered unknown, correct leaf answers lost to unknown).
 *
 * <p>Accuracies are over leaf images (the background label excluded) and use the most probable class even
 * when it is flagged unknown, so they measure the classifier; the unknown rates measure the rejection.
 */
public final class Evaluation {

  private final List<String> labels;
  private final int[][] confusion;
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final List<ClassScore> classScores = new ArrayList<>();

  public Evaluation(List<String> headLabels, String backgroundLabel, OpenSetRule rule, List<ScoredImage> scored) {
    // Reports list classes alphabetically, so a crop's classes sit together in the confusion matrix.
    this.labels = headLabels.stream().sorted().toList();
    this.confusion = new int[labels.size()][labels.size()];
    int leafImages = 0;
    int correct = 0;
    int cropCorrect = 0;
    int healthCorrect = 0;
    int diseaseCorrect = 0;
    int correctButUnknown = 0;
    int answered = 0;
    int answeredCorrect = 0;
    int background = 0;
    int backgroundUnknown = 0;
    for (ScoredImage image : scored) {
      int truth = labels.indexOf(image.image().label());
      if (truth < 0) {
        throw new IllegalArgumentException("label " + image.image().label() + " is not among the head's labels");
      }
      ClassifierAnswer diagnosis = rule.decide(image.probabilities(), image.distances());
      int predicted = labels.indexOf(diagnosis.predictedClass());
      confusion[truth][predicted]++;
      if (image.image().label().equals(backgroundLabel)) {
        background++;
        backgroundUnknown += diagnosis.unknown() ? 1 : 0;
        continue;
      }
      leafImages++;
      PlantClass expected = PlantClass.parse(image.image().label());
      boolean predictedLeaf = !diagnosis.predictedClass().equals(backgroundLabel);
      PlantClass got = predictedLeaf ? PlantClass.parse(diagnosis.predictedClass()) : null;
      if (predicted == truth) {
        correct++;
        correctButUnknown += diagnosis.unknown() ? 1 : 0;
      }
      if (got != null) {
        cropCorrect += got.crop().equals(expected.crop()) ? 1 : 0;
        healthCorrect += got.healthy() == expected.healthy() ? 1 : 0;
        diseaseCorrect += got.disease().equals(expected.disease()) ? 1 : 0;
      }
      if (!diagnosis.unknown()) {
        answered++;
        answeredCorrect += predicted == truth ? 1 : 0;
      }
    }
    metrics.put("images", (double) scored.size());
    metrics.put("leaf_images", (double) leafImages);
    metrics.put("top1_accuracy", ratio(correct, leafImages));
    metrics.put("category_accuracy", ratio(cropCorrect, leafImages));
    metrics.put("health_accuracy", ratio(healthCorrect, leafImages));
    metrics.put("disease_accuracy", ratio(diseaseCorrect, leafImages));
    metrics.put("correct_answers_lost_to_unknown", ratio(correctButUnknown, correct));
    metrics.put("answered_fraction", ratio(answered, leafImages));
    metrics.put("accuracy_when_answered", ratio(answeredCorrect, answered));
    if (background > 0) {
      metrics.put("background_images", (double) background);
      metrics.put("background_answered_unknown", ratio(backgroundUnknown, background));
    }
    for (int c = 0; c < labels.size(); c++) {
      int truePositive = confusion[c][c];
      int support = 0;
      int predictedAs = 0;
      for (int o = 0; o < labels.size(); o++) {
        support += confusion[c][o];
        predictedAs += confusion[o][c];
      }
      double precision = ratio(truePositive, predictedAs);
      double recall = ratio(truePositive, support);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      classScores.add(new ClassScore(labels.get(c), precision, recall, f1, support));
    }
  }

  /** Headline metrics, in a stable order. */
  public Map<String, Double> metrics() {
    return java.util.Collections.unmodifiableMap(metrics);
  }

  public List<ClassScore> classScores() {
    return List.copyOf(classScores);
  }

  /** Counts, rows = true label, columns = predicted label, in {@link #labels()} order. */
  public int[][] confusion() {
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  public List<String> labels() {
    return labels;
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
