package io.plantspy.trainer.fit;

import io.plantspy.trainer.field.FieldView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a release's head was trained, kept in its manifest's {@code training} section under {@code recipe.*} keys
 * (beside the sentences written for people) so that the learning loop can train its challenger the same way: the
 * head and its hyper-parameters, and the field views the photos were also embedded under.
 *
 * @param fieldViewPhotosPerClass training photos per class given the field views (0: all)
 */
public record TrainingRecipe(HeadKind kind, int epochs, double learningRate, int minibatch, int hiddenUnits,
    double dropout, List<FieldView> fieldViews, int fieldViewPhotosPerClass) {

  static final String PREFIX = "recipe.";

  public TrainingRecipe {
    fieldViews = List.copyOf(fieldViews);
    // HeadSettings checks the rest.
    new HeadSettings(kind, epochs, learningRate, minibatch, 0, hiddenUnits, dropout);
    if (fieldViewPhotosPerClass < 0) {
      throw new IllegalArgumentException("fieldViewPhotosPerClass must be >= 0");
    }
  }

  public static TrainingRecipe of(HeadSettings head, List<FieldView> fieldViews, int fieldViewPhotosPerClass) {
    return new TrainingRecipe(head.kind(), head.epochs(), head.learningRate(), head.minibatch(), head.hiddenUnits(),
        head.dropout(), fieldViews, fieldViewPhotosPerClass);
  }

  /**
   * The recipe a manifest's training section records; empty for releases made before recipes were recorded.
   *
   * @throws IllegalArgumentException when the section has a recipe that cannot be read
   */
  public static Optional<TrainingRecipe> from(Map<String, String> training) {
    if (!training.containsKey(PREFIX + "head")) {
      return Optional.empty();
    }
    try {
      String views = training.getOrDefault(PREFIX + "field_views", "");
      return Optional.of(new TrainingRecipe(
          HeadKind.valueOf(training.get(PREFIX + "head").toUpperCase(Locale.ROOT)),
          Integer.parseInt(required(training, "epochs")),
          Double.parseDouble(required(training, "learning_rate")),
          Integer.parseInt(required(training, "minibatch")),
          Integer.parseInt(training.getOrDefault(PREFIX + "hidden_units", "1")),
          Double.parseDouble(training.getOrDefault(PREFIX + "dropout", "0")),
          views.isBlank() ? List.of() : Arrays.stream(views.split(",")).map(FieldView::parse).toList(),
          Integer.parseInt(training.getOrDefault(PREFIX + "field_view_photos", "0"))));
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("the manifest's training recipe cannot be read: " + e.getMessage(), e);
    }
  }

  /** The {@code recipe.*} entries for a manifest's training section. */
  public Map<String, String> entries() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(PREFIX + "head", kind.name());
    entries.put(PREFIX + "epochs", Integer.toString(epochs));
    entries.put(PREFIX + "learning_rate", Double.toString(learningRate));
    entries.put(PREFIX + "minibatch", Integer.toString(minibatch));
    entries.put(PREFIX + "hidden_units", Integer.toString(hiddenUnits));
    entries.put(PREFIX + "dropout", Double.toString(dropout));
    entries.put(PREFIX + "field_views", fieldViews.stream().map(FieldView::toString).collect(Collectors.joining(",")));
    entries.put(PREFIX + "field_view_photos", Integer.toString(fieldViewPhotosPerClass));
    return entries;
  }

  /** The head settings with the run's own seed. */
  public HeadSettings head(long seed) {
    return new HeadSettings(kind, epochs, learningRate, minibatch, seed, hiddenUnits, dropout);
  }

  @Override
  public String toString() {
    return kind + " head, " + epochs + " epochs" + (fieldViews.isEmpty() ? ", no field views"
        : ", field views " + fieldViews + (fieldViewPhotosPerClass == 0 ? " on every photo"
            : " on " + fieldViewPhotosPerClass + " photos per class"));
  }

  private static String required(Map<String, String> training, String key) {
    String value = training.get(PREFIX + key);
    if (value == null) {
      throw new NumberFormatException(PREFIX + key + " is missing");
    }
    return value;
  }
}
