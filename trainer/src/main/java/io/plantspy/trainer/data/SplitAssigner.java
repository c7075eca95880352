package io.plantspy.trainer.data;

import io.plantspy.model.runtime.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified train / validation / test split keyed on image content: within each class, images are ordered
 * by {@code sha256(seed + ":" + contentSha256)} and cut by fractions. The same bytes always land in the same
 * split for a given seed, whatever their file names, and duplicate bytes never straddle two splits.
 */
public final class SplitAssigner {

  private final long seed;
  private final double validationFraction;
  private final double testFraction;

  public SplitAssigner(long seed, double validationFraction, double testFraction) {
    if (validationFraction < 0 || testFraction <= 0 || validationFraction + testFraction >= 1) {
      throw new IllegalArgumentException("fractions must leave a training part: validation=" + validationFraction
          + ", test=" + testFraction);
    }
    this.seed = seed;
    this.validationFraction = validationFraction;
    this.testFraction = testFraction;
  }

  public Map<Split, List<LabelledImage>> assign(List<LabelledImage> images) {
    Map<String, List<LabelledImage>> byClass = new LinkedHashMap<>();
    for (LabelledImage image : images) {
      byClass.computeIfAbsent(image.label(), k -> new ArrayList<>()).add(image);
    }
    Map<Split, List<LabelledImage>> splits = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      splits.put(split, new ArrayList<>());
    }
    for (List<LabelledImage> members : byClass.values()) {
      // Group identical bytes so duplicates share one split.
      Map<String, List<LabelledImage>> byContent = new LinkedHashMap<>();
      for (LabelledImage image : members) {
        byContent.computeIfAbsent(image.sha256(), k -> new ArrayList<>()).add(image);
      }
      List<String> contents = new ArrayList<>(byContent.keySet());
      contents.sort(Comparator.comparing(this::rank));
      int testCount = (int) Math.round(contents.size() * testFraction);
      int validationCount = (int) Math.round(contents.size() * validationFraction);
      for (int i = 0; i < contents.size(); i++) {
        Split split = i < testCount ? Split.TEST : i < testCount + validationCount ? Split.VALIDATION : Split.TRAIN;
        splits.get(split).addAll(byContent.get(contents.get(i)));
      }
    }
    return splits;
  }

  private String rank(String contentSha256) {
    return Sha256.hex((seed + ":" + contentSha256).getBytes(StandardCharsets.UTF_8));
  }
}
