package io.plantspy.trainer.loop;

import io.plantspy.model.release.ClassifierAnswer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the champion / challenger {@link Comparison} from both models' right and wrong answers on the same
 * images: top-1 over leaf photos, recall per class with the class's images only one model answered right, McNemar's
 * test on the leaf photos they disagree on.
 */
public final class Comparisons {

  private Comparisons() {}

  /**
   * Whether an answer is right, as the platform serves it: a leaf photo needs its class and no {@code unknown}
   * flag (an unknown answer is no diagnosis); a background (non-leaf) photo needs {@code unknown}.
   */
  public static boolean correct(String trueLabel, ClassifierAnswer answer, String backgroundLabel) {
    if (trueLabel.equals(backgroundLabel)) {
      return answer.unknown();
    }
    return !answer.unknown() && answer.predictedClass().equals(trueLabel);
  }

  /**
   * Whether the most probable class is right, {@code unknown} flag or not: the classifier alone, without the
   * open-set threshold. Reported beside the decision to tell threshold effects from confusions between classes.
   */
  public static boolean topClassCorrect(String trueLabel, ClassifierAnswer answer, String backgroundLabel) {
    if (trueLabel.equals(backgroundLabel)) {
      return answer.unknown();
    }
    return answer.predictedClass().equals(trueLabel);
  }

  /**
   * @param championLabels the champion's labels: a class outside them is new to the challenger (its champion
   *     recall is NaN)
   * @param backgroundLabel the non-leaf label, left out of top-1 and McNemar, or null
   */
  public static Comparison compare(List<PairedAnswer> answers, Set<String> championLabels, String backgroundLabel,
      Path championPredictions, Path challengerPredictions) {
    Map<String, int[]> byClass = new TreeMap<>();
    int leaf = 0;
    int championRight = 0;
    int challengerRight = 0;
    int championOnly = 0;
    int challengerOnly = 0;
    for (PairedAnswer answer : answers) {
      String label = answer.image().label();
      int[] counts = byClass.computeIfAbsent(label, k -> new int[5]);
      counts[0]++;
      counts[1] += answer.championCorrect() ? 1 : 0;
      counts[2] += answer.challengerCorrect() ? 1 : 0;
      counts[3] += answer.championCorrect() && !answer.challengerCorrect() ? 1 : 0;
      counts[4] += answer.challengerCorrect() && !answer.championCorrect() ? 1 : 0;
      if (Objects.equals(label, backgroundLabel)) {
        continue;
      }
      leaf++;
      championRight += answer.championCorrect() ? 1 : 0;
      challengerRight += answer.challengerCorrect() ? 1 : 0;
      championOnly += answer.championCorrect() && !answer.challengerCorrect() ? 1 : 0;
      challengerOnly += answer.challengerCorrect() && !answer.championCorrect() ? 1 : 0;
    }
    List<ClassComparison> classes = new ArrayList<>();
    byClass.forEach((label, counts) -> classes.add(new ClassComparison(label, counts[0],
        championLabels.contains(label) ? ratio(counts[1], counts[0]) : Double.NaN, ratio(counts[2], counts[0]),
        counts[3], counts[4])));
    return new Comparison(leaf, ratio(championRight, leaf), ratio(challengerRight, leaf), classes,
        McNemar.of(championOnly, challengerOnly), championPredictions, challengerPredictions);
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
